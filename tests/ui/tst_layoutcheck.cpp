// The laptop checks (ui/shell/layoutcheck.h) on small windows built here: each check finds the
// defect it names and stays quiet on a window that fits.
#include "uitest.h"

#include "ui/shell/layoutcheck.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>
#include <QVBoxLayout>

#include <memory>

using namespace cinetune::ui;

namespace {
const QSize kLaptop(1024, 700);

// A top-level window of the laptop's size holding `content`, shown (offscreen).
std::unique_ptr<QWidget> windowWith(QWidget *content, QSize size = QSize(800, 600))
{
    auto w = std::make_unique<QWidget>();
    auto *l = new QVBoxLayout(w.get());
    l->addWidget(content);
    w->resize(size);
    w->show();
    return w;
}
} // namespace

class TestLayoutCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { uitest::prepare(); }
    void size_data();
    void size();
    void primaryAction_data();
    void primaryAction();
    void columns_data();
    void columns();
};

void TestLayoutCheck::size_data()
{
    QTest::addColumn<int>("minimumWidth");
    QTest::addColumn<int>("minimumHeight");
    QTest::addColumn<bool>("inScrollArea");
    QTest::addColumn<int>("problems"); // lines that say the window is too large (not the culprits)
    QTest::newRow("fits") << 900 << 500 << false << 0;
    QTest::newRow("too wide") << 1500 << 300 << false << 2;
    QTest::newRow("too tall") << 300 << 900 << false << 2;
    QTest::newRow("too wide but scrolls") << 1500 << 900 << true << 0;
}

void TestLayoutCheck::size()
{
    QFETCH(int, minimumWidth);
    QFETCH(int, minimumHeight);
    QFETCH(bool, inScrollArea);
    QFETCH(int, problems);
    auto *big = new QLabel(QStringLiteral("content"));
    big->setObjectName(QStringLiteral("bigContent"));
    big->setMinimumSize(minimumWidth, minimumHeight);
    QWidget *content = big;
    if (inScrollArea) {
        auto *area = new QScrollArea;
        area->setWidget(big);
        content = area;
    }
    auto w = windowWith(content);
    const QStringList found = sizeProblems(w.get(), kLaptop);
    const auto windowLines = found.filter(QStringLiteral("screen"));
    QCOMPARE(windowLines.size(), problems);
    if (problems > 0) // the culprit is named
        QVERIFY2(found.join(QLatin1Char('\n')).contains(QStringLiteral("\"bigContent\"")), qPrintable(found.join('\n')));
}

void TestLayoutCheck::primaryAction_data()
{
    QTest::addColumn<bool>("insideScrollArea");
    QTest::addColumn<bool>("inButtonBox");
    QTest::addColumn<bool>("visibleWithoutScrolling");
    QTest::newRow("below a tall form, outside the scroll area") << false << false << true;
    QTest::newRow("at the end of a tall scrolled form") << true << false << false;
    QTest::newRow("dialog button box at the end of a tall scrolled form") << true << true << false;
    QTest::newRow("dialog button box under the form") << false << true << true;
}

void TestLayoutCheck::primaryAction()
{
    QFETCH(bool, insideScrollArea);
    QFETCH(bool, inButtonBox);
    QFETCH(bool, visibleWithoutScrolling);
    auto *page = new QWidget;
    auto *pageLayout = new QVBoxLayout(page);
    auto *form = new QWidget;
    auto *formLayout = new QVBoxLayout(form);
    auto *tall = new QLabel(QStringLiteral("a long form"));
    tall->setMinimumHeight(1200);
    formLayout->addWidget(tall);
    auto *area = new QScrollArea;
    area->setWidgetResizable(true);
    area->setWidget(form);
    pageLayout->addWidget(area);
    QWidget *action = nullptr;
    if (inButtonBox) {
        auto *box = new QDialogButtonBox(QDialogButtonBox::Ok);
        action = box;
        (insideScrollArea ? formLayout : pageLayout)->addWidget(box);
    } else {
        auto *submit = new QPushButton(QStringLiteral("Submit Job"));
        submit->setObjectName(QStringLiteral("submitButton"));
        markPrimaryAction(submit);
        action = submit;
        (insideScrollArea ? formLayout : pageLayout)->addWidget(submit);
    }
    auto w = windowWith(page);
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    QVERIFY(action->isVisible());
    const QStringList found = primaryActionProblems(w.get());
    QCOMPARE(found.isEmpty(), visibleWithoutScrolling);
    if (!found.isEmpty())
        QVERIFY2(found.first().contains(QStringLiteral("not fully visible")), qPrintable(found.first()));
}

void TestLayoutCheck::columns_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("cell");
    QTest::addColumn<int>("width");
    QTest::addColumn<bool>("elidedToNothing");
    QTest::newRow("wide enough") << "Precision@10"
                                 << "0.4321" << 120 << false;
    QTest::newRow("elided but readable") << "profileData50 (seed 1)/test/ft:gpt-4o-mini:sim3"
                                         << "0.4321" << 80 << false;
    QTest::newRow("header elided to nothing") << "profileData50 (seed 1)/test/ft:gpt-4o-mini:sim3"
                                              << "" << 6 << true;
    QTest::newRow("value elided to nothing") << ""
                                             << "0.4321" << 6 << true;
    QTest::newRow("no width at all") << "MRR"
                                     << "0.5" << 0 << true;
}

void TestLayoutCheck::columns()
{
    QFETCH(QString, header);
    QFETCH(QString, cell);
    QFETCH(int, width);
    QFETCH(bool, elidedToNothing);
    QStandardItemModel model(2, 2);
    model.setHorizontalHeaderLabels({QStringLiteral("Metric"), header});
    model.setItem(0, 0, new QStandardItem(QStringLiteral("P@10")));
    model.setItem(0, 1, new QStandardItem(cell));
    auto *view = new QTableView;
    view->setObjectName(QStringLiteral("resultsTable"));
    view->setModel(&model);
    view->horizontalHeader()->setMinimumSectionSize(0);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->setColumnWidth(0, 60);
    view->setColumnWidth(1, width);
    auto w = windowWith(view);
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    const QStringList found = columnProblems(w.get());
    QCOMPARE(!found.isEmpty(), elidedToNothing);
    if (!found.isEmpty())
        QVERIFY2(found.first().contains(QStringLiteral("\"resultsTable\" column 1")), qPrintable(found.first()));
    // The same column scrolled out of sight is not a problem: the user reaches it by scrolling.
    if (width > 0) {
        view->setColumnWidth(0, 2000);
        view->horizontalScrollBar()->setValue(0);
        QTRY_VERIFY(view->horizontalHeader()->sectionViewportPosition(1) >= view->viewport()->width());
        QVERIFY(columnProblems(w.get()).isEmpty());
    }
}

QTEST_MAIN(TestLayoutCheck)
#include "tst_layoutcheck.moc"
