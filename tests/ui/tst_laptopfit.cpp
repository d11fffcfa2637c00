// The whole application on a laptop screen: the screenshot driver (ui/shell/screenshotdriver.h)
// visits every step with real content (the sample, two gold sets, a simulated fine-tuning job,
// scored runs, playground columns) and every dialog (each wizard page, providers, settings, about,
// a new run), and in check mode (CINETUNE_LAYOUT_CHECK=1) checks each against the screen size
// (ui/shell/layoutcheck.h): the window may not be forced larger, the primary actions must be
// visible without scrolling, and no table column may be elided to nothing. The same run happens
// once under Xvfb in .ci/run (scripts/screenshots.sh --check).
#include "clirunner.h"
#include "uitest.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace cinetune::test;

class TestLaptopFit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyPageAndDialogFits_data();
    void everyPageAndDialogFits();
};

void TestLaptopFit::initTestCase()
{
    uitest::prepare();
    QVERIFY2(!cliBinary().isEmpty(), "CINETUNE_BINARY is not set (run through ctest)");
}

void TestLaptopFit::everyPageAndDialogFits_data()
{
    QTest::addColumn<QSize>("screen");
    QTest::addColumn<QString>("language");
    QTest::newRow("1024x700") << QSize(1024, 700) << "en";
    QTest::newRow("1280x800") << QSize(1280, 800) << "en";
    QTest::newRow("1366x768") << QSize(1366, 768) << "en";
    // German words are longer: the narrowest screen again in German.
    QTest::newRow("1024x700 German") << QSize(1024, 700) << "de";
}

void TestLaptopFit::everyPageAndDialogFits()
{
    QFETCH(QSize, screen);
    QFETCH(QString, language);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcessEnvironment env = cliEnvironment(dir.filePath(QStringLiteral("home")));
    // The app's own settings file (QSettings, organization CineTune): the language to start in.
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("home/config/CineTune"))));
    QFile conf(dir.filePath(QStringLiteral("home/config/CineTune/cinetune.conf")));
    QVERIFY(conf.open(QIODevice::WriteOnly));
    conf.write(QStringLiteral("[ui]\nlanguage=%1\n").arg(language).toUtf8());
    conf.close();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("CINETUNE_SCREENSHOT_DIR"), dir.filePath(QStringLiteral("shots")));
    env.insert(QStringLiteral("CINETUNE_SCREENSHOT_SIZE"), QStringLiteral("%1x%2").arg(screen.width()).arg(screen.height()));
    env.insert(QStringLiteral("CINETUNE_LAYOUT_CHECK"), QStringLiteral("1"));
    CliOptions options;
    options.environment = env;
    const CliRun run = runCli({QStringLiteral(":sample")}, options);
    // The offscreen platform's "does not support propagateSizeHints()" lines say nothing here.
    QStringList lines = run.errText().split(QLatin1Char('\n'));
    lines.removeIf([](const QString &l) { return l.contains(QLatin1String("propagateSizeHints")); });
    const QStringList problems = lines.filter(QStringLiteral("layout: "));
    QVERIFY2(run.code == 0, qPrintable(QStringLiteral("exit code %1\n%2").arg(run.code).arg(lines.join('\n').right(6000))));
    QVERIFY2(run.errText().contains(QStringLiteral("layout: 0 problem(s)")), qPrintable(problems.join('\n')));
    QVERIFY2(!run.errText().contains(QStringLiteral("skipped")), qPrintable(run.errText().right(3000)));

    // Every step and every dialog was shot, and the window shots are exactly the screen's size.
    const QStringList expected = {"1-dataset-overview",
                                  "1-dataset-movies",
                                  "1-dataset-users",
                                  "2-gold-set",
                                  "2-gold-set-users",
                                  "2-gold-set-wizard",
                                  "2-gold-set-wizard-users",
                                  "2-gold-set-wizard-neighbours",
                                  "2-gold-set-wizard-split",
                                  "2-gold-set-wizard-template",
                                  "2-gold-set-wizard-review",
                                  "2-gold-set-wizard-build",
                                  "3-fine-tune",
                                  "3-providers-dialog",
                                  "4-evaluate",
                                  "4-evaluate-new-run",
                                  "5-playground",
                                  "6-results",
                                  "6-results-tables",
                                  "4-evaluate-run",
                                  "7-settings-dialog",
                                  "7-about-dialog",
                                  "1-dataset-error"};
    for (const QString &name : expected) {
        const QImage image(dir.filePath(QStringLiteral("shots/%1.png").arg(name)));
        QVERIFY2(!image.isNull(), qPrintable(name + QStringLiteral(" was not written")));
        QVERIFY2(image.width() <= screen.width() && image.height() <= screen.height(),
                 qPrintable(QStringLiteral("%1 is %2x%3").arg(name).arg(image.width()).arg(image.height())));
        if (!name.contains(QLatin1String("wizard")) && !name.contains(QLatin1String("dialog"))
            && !name.contains(QLatin1String("new-run")))
            QCOMPARE(image.size(), screen);
    }
}

QTEST_MAIN(TestLaptopFit)
#include "tst_laptopfit.moc"
