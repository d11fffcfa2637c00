// AboutDialog: name, version, Qt version and the licences of what CineTune bundles.
#include "uitest.h"

#include "ui/shell/aboutdialog.h"

#include <QCoreApplication>
#include <QIcon>
#include <QTest>

using namespace cinetune::ui;

class TestAboutDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { uitest::prepare(); }
    void mentions_data();
    void mentions();
    void iconResourceRenders();
};

void TestAboutDialog::mentions_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("version") << QCoreApplication::applicationVersion();
    QTest::newRow("qt version") << QString::fromLatin1(qVersion());
    QTest::newRow("qt licence") << "LGPL v3";
    QTest::newRow("movielens") << "MovieLens ml-latest-small";
    QTest::newRow("movielens licence") << "non-commercial research";
    QTest::newRow("citation") << "F. Maxwell Harper and Joseph A. Konstan. 2015. The MovieLens Datasets: History and Context";
    QTest::newRow("grouplens") << "GroupLens";
}

void TestAboutDialog::mentions()
{
    QFETCH(QString, text);
    QVERIFY(!text.isEmpty());
    AboutDialog dialog;
    QVERIFY2(dialog.text().contains(text), qPrintable(text));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("About CineTune"));
}

void TestAboutDialog::iconResourceRenders()
{
    const QIcon icon(QStringLiteral(":/icons/cinetune.svg"));
    QVERIFY(!icon.isNull());
    const QImage image = icon.pixmap(64, 64).toImage();
    QCOMPARE(image.size(), QSize(64, 64));
    // Not blank: some opaque, non-white pixels.
    int painted = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (qAlpha(image.pixel(x, y)) > 200 && image.pixel(x, y) != qRgb(255, 255, 255))
                ++painted;
    QVERIFY(painted > 64 * 64 / 4);
}

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
