// ui/common helpers: where file dialogs start (per purpose, the project's folder, home), the
// timestamp format of tables, and table sort indicators that point the way the rows are sorted.
#include "uitest.h"

#include "ui/common/filedialogs.h"
#include "ui/common/sortabletablemodel.h"
#include "ui/common/sortindicatorstyle.h"
#include "ui/common/timeformat.h"

#include <QApplication>
#include <QHeaderView>
#include <QImage>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace cinetune::ui;

namespace {

// One column of integers.
class NumberModel final : public SortableTableModel
{
public:
    explicit NumberModel(QList<int> values)
        : m_values(std::move(values))
    {}
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_values.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : 1; }
    QVariant data(const QModelIndex &index, int role) const override
    {
        return role == Qt::DisplayRole ? QVariant(m_values.at(index.row())) : QVariant();
    }
    QVariant headerData(int, Qt::Orientation orientation, int role) const override
    {
        return orientation == Qt::Horizontal && role == Qt::DisplayRole ? QVariant(QStringLiteral("Value")) : QVariant();
    }
    int compareRows(int, int left, int right) const override
    {
        const int a = m_values.at(left), b = m_values.at(right);
        return a < b ? -1 : (a > b ? 1 : 0);
    }

private:
    QList<int> m_values;
};

// +1 when the indicator drawn in the header's first section is an upward arrow (more ink in its
// lower half), -1 when downward. Compares the header drawn in both orders: only the arrow differs.
int arrowDirection(QTableView &view, Qt::SortOrder order)
{
    QHeaderView *h = view.horizontalHeader();
    h->setSortIndicator(0, order);
    const QImage shown = h->grab().toImage().convertToFormat(QImage::Format_Grayscale8);
    h->setSortIndicator(0, order == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder);
    const QImage other = h->grab().toImage().convertToFormat(QImage::Format_Grayscale8);
    h->setSortIndicator(0, order);
    int top = shown.height(), bottom = -1;
    for (int y = 0; y < shown.height(); ++y)
        for (int x = 0; x < shown.width(); ++x)
            if (shown.pixelColor(x, y) != other.pixelColor(x, y)) {
                top = std::min(top, y);
                bottom = std::max(bottom, y);
            }
    if (bottom < 0)
        return 0; // no arrow at all
    const QColor background = shown.pixelColor(0, 0);
    double upper = 0, lower = 0;
    const double middle = (top + bottom) / 2.0;
    for (int y = top; y <= bottom; ++y)
        for (int x = 0; x < shown.width(); ++x)
            if (shown.pixelColor(x, y) != other.pixelColor(x, y)) {
                const double ink = std::abs(shown.pixelColor(x, y).lightnessF() - background.lightnessF());
                (y < middle ? upper : lower) += y == middle ? 0 : ink;
            }
    return lower > upper ? 1 : -1;
}

} // namespace

class TestUiCommon : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void chooseStartFolder_data();
    void chooseStartFolder();
    void startFolderPerPurpose();
    void timestamps_data();
    void timestamps();
    void sortArrowMatchesOrder_data();
    void sortArrowMatchesOrder();

private:
    QTemporaryDir m_dir;
};

void TestUiCommon::initTestCase()
{
    uitest::prepare();
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("last")));
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("project")));
}

void TestUiCommon::chooseStartFolder_data()
{
    QTest::addColumn<QString>("remembered");
    QTest::addColumn<QString>("project");
    QTest::addColumn<QString>("expected");
    QTest::newRow("last used wins") << "last"
                                    << "project"
                                    << "last";
    QTest::newRow("no last: project folder") << ""
                                             << "project"
                                             << "project";
    QTest::newRow("last gone: project folder") << "gone"
                                               << "project"
                                               << "project";
    QTest::newRow("untitled: home") << ""
                                    << ""
                                    << "home";
    QTest::newRow("last gone, untitled: home") << "gone"
                                               << ""
                                               << "home";
    QTest::newRow("both gone: home") << "gone"
                                     << "gone2"
                                     << "home";
}

void TestUiCommon::chooseStartFolder()
{
    QFETCH(QString, remembered);
    QFETCH(QString, project);
    QFETCH(QString, expected);
    auto path = [this](const QString &name) { return name.isEmpty() ? QString() : m_dir.filePath(name); };
    const QString home = QStringLiteral("/home/someone");
    const QString got = cinetune::ui::chooseStartFolder(path(remembered), path(project), home,
                                                        [](const QString &p) { return QFileInfo(p).isDir(); });
    QCOMPARE(got, expected == QLatin1String("home") ? home : path(expected));
}

void TestUiCommon::startFolderPerPurpose()
{
    QSettings().remove(QStringLiteral("fileDialogs"));
    setProjectFolder(QString()); // untitled
    QCOMPARE(startFolder(filepurpose::Export), QDir::homePath());
    setProjectFolder(m_dir.filePath(QStringLiteral("project")));
    QCOMPARE(startFolder(filepurpose::Export), m_dir.filePath(QStringLiteral("project")));
    // A file chosen for one purpose: its folder is where that purpose starts next time, the
    // others still start in the project's folder.
    rememberFolder(filepurpose::Export, m_dir.filePath(QStringLiteral("last/table.csv")));
    QCOMPARE(startFolder(filepurpose::Export), m_dir.filePath(QStringLiteral("last")));
    QCOMPARE(startFolder(filepurpose::Dataset), m_dir.filePath(QStringLiteral("project")));
    rememberFolder(filepurpose::Report, m_dir.filePath(QStringLiteral("last"))); // a folder dialog
    QCOMPARE(startFolder(filepurpose::Report), m_dir.filePath(QStringLiteral("last")));
    setProjectFolder(QString());
}

void TestUiCommon::timestamps_data()
{
    QTest::addColumn<QDateTime>("when");
    QTest::addColumn<QString>("expected");
    const QDateTime local(QDate(2026, 12, 7), QTime(14, 3, 59));
    QTest::newRow("local") << local << "2026-12-07 14:03";
    QTest::newRow("utc shown in local time") << local.toUTC() << "2026-12-07 14:03";
    QTest::newRow("midnight") << QDateTime(QDate(2027, 1, 6), QTime(0, 0)) << "2027-01-06 00:00";
    QTest::newRow("invalid") << QDateTime() << "";
}

void TestUiCommon::timestamps()
{
    QFETCH(QDateTime, when);
    QFETCH(QString, expected);
    // The same text in every language.
    for (const QLocale &l : {QLocale(QLocale::German, QLocale::Germany), QLocale(QLocale::English, QLocale::UnitedStates)}) {
        QLocale::setDefault(l);
        QCOMPARE(formatTimestamp(when), expected);
    }
    QCOMPARE(formatTimeOfDay(when), when.isValid() ? when.toLocalTime().toString(QStringLiteral("HH:mm:ss")) : QString());
    QCOMPARE(formatDate(when.date()), expected.left(10));
}

void TestUiCommon::sortArrowMatchesOrder_data()
{
    QTest::addColumn<int>("clicks");
    QTest::addColumn<int>("order");
    QTest::addColumn<int>("arrow"); // +1 up, -1 down
    QTest::addColumn<QList<int>>("rows");
    QTest::newRow("one click: ascending, up") << 1 << int(Qt::AscendingOrder) << 1 << QList<int>{1, 2, 3, 5};
    QTest::newRow("two clicks: descending, down") << 2 << int(Qt::DescendingOrder) << -1 << QList<int>{5, 3, 2, 1};
}

void TestUiCommon::sortArrowMatchesOrder()
{
    QFETCH(int, clicks);
    QFETCH(int, order);
    QFETCH(int, arrow);
    QFETCH(QList<int>, rows);
    SortIndicatorStyle::install();
    SortIndicatorStyle::install(); // once only
    QVERIFY(qobject_cast<SortIndicatorStyle *>(QApplication::style()));

    NumberModel model({3, 1, 5, 2});
    TableSortProxyModel proxy;
    proxy.setSourceModel(&model);
    QTableView view;
    view.setModel(&proxy);
    view.setSortingEnabled(true);
    view.horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder); // unsorted
    view.resize(300, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QHeaderView *h = view.horizontalHeader();
    for (int i = 0; i < clicks; ++i)
        QTest::mouseClick(h->viewport(), Qt::LeftButton, {}, QPoint(h->sectionViewportPosition(0) + 20, h->height() / 2));
    QCOMPARE(int(h->sortIndicatorOrder()), order);
    QList<int> shown;
    for (int r = 0; r < proxy.rowCount(); ++r)
        shown << proxy.index(r, 0).data().toInt();
    QCOMPARE(shown, rows);                                       // the data follows the indicator ...
    QCOMPARE(arrowDirection(view, Qt::SortOrder(order)), arrow); // ... and so does the arrow
}

QTEST_MAIN(TestUiCommon)
#include "tst_uicommon.moc"
