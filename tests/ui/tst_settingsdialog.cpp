// SettingsDialog: shows and writes the settings, and clears the dataset cache in the background.
#include "fixtures.h"
#include "uitest.h"

#include "ui/shell/appsettings.h"
#include "ui/shell/backgroundtasks.h"
#include "ui/shell/settingsdialog.h"
#include "ui/dataset/datasetcontroller.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace cinetune;
using namespace cinetune::ui;

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void showsSettings_data();
    void showsSettings();
    void acceptWritesSettings();
    void rejectKeepsSettings();
    void clearsCache();

private:
    QTemporaryDir m_tmp;
};

void TestSettingsDialog::initTestCase()
{
    uitest::prepare();
    QVERIFY(m_tmp.isValid());
}

void TestSettingsDialog::cleanup()
{
    AppSettings::setLanguage(QString());
    AppSettings::setLoaderThreads(0);
}

void TestSettingsDialog::showsSettings_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("threads");
    QTest::addColumn<QString>("languageText");
    QTest::newRow("defaults") << "" << 0 << "System";
    QTest::newRow("german, 4 threads") << "de" << 4 << "Deutsch";
    QTest::newRow("english, 1 thread") << "en" << 1 << "English";
}

void TestSettingsDialog::showsSettings()
{
    QFETCH(QString, language);
    QFETCH(int, threads);
    QFETCH(QString, languageText);
    AppSettings::setLanguage(language);
    AppSettings::setLoaderThreads(threads);
    BackgroundTasks tasks;
    DatasetController datasets(&tasks);
    SettingsDialog dialog(&datasets);
    auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("languageCombo"));
    QCOMPARE(combo->count(), 3);
    QCOMPARE(combo->currentData().toString(), language);
    QVERIFY(combo->currentText().startsWith(languageText));
    auto *spin = dialog.findChild<QSpinBox *>(QStringLiteral("threadsSpin"));
    QCOMPARE(spin->value(), threads);
    if (threads == 0)
        QVERIFY(spin->text().startsWith(QStringLiteral("Automatic")));
}

void TestSettingsDialog::acceptWritesSettings()
{
    BackgroundTasks tasks;
    DatasetController datasets(&tasks);
    SettingsDialog dialog(&datasets);
    auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("languageCombo"));
    combo->setCurrentIndex(combo->findData(QStringLiteral("de")));
    dialog.findChild<QSpinBox *>(QStringLiteral("threadsSpin"))->setValue(3);
    QSignalSpy languageChanged(&dialog, &SettingsDialog::languageChanged);
    dialog.accept();
    QCOMPARE(languageChanged.size(), 1); // the window switches at once
    QCOMPARE(languageChanged.first().first().toString(), QStringLiteral("de"));
    QCOMPARE(AppSettings::language(), QStringLiteral("de"));
    SettingsDialog again(&datasets);
    QSignalSpy unchanged(&again, &SettingsDialog::languageChanged);
    again.accept();
    QCOMPARE(unchanged.size(), 0); // the same language: nothing to switch
    QCOMPARE(AppSettings::loaderThreads(), 3);
    QCOMPARE(datasets.effectiveLoadOptions().threads, 3);
}

void TestSettingsDialog::rejectKeepsSettings()
{
    BackgroundTasks tasks;
    DatasetController datasets(&tasks);
    SettingsDialog dialog(&datasets);
    dialog.findChild<QSpinBox *>(QStringLiteral("threadsSpin"))->setValue(7);
    dialog.reject();
    QCOMPARE(AppSettings::loaderThreads(), 0);
}

void TestSettingsDialog::clearsCache()
{
    const QString cache = m_tmp.filePath(QStringLiteral("cache"));
    QVERIFY(QDir().mkpath(cache));
    test::writeFile(cache, QStringLiteral("abc.ctstore"), QByteArray(3072, 'x'));
    test::writeFile(cache, QStringLiteral("abc-itemknn-k50.ctknn"), QByteArray(1024, 'x'));
    // Not a cache file: neither counted nor deleted.
    test::writeFile(cache, QStringLiteral("notes.txt"), QByteArray(100000, 'x'));

    BackgroundTasks tasks;
    DatasetController datasets(&tasks);
    LoadOptions options;
    options.cacheDir = cache;
    datasets.setLoadOptions(options);
    SettingsDialog dialog(&datasets);
    dialog.show();
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("cacheDirLabel"))->text(), QDir::toNativeSeparators(cache));
    auto *status = dialog.findChild<QLabel *>(QStringLiteral("cacheStatus"));
    QVERIFY2(status->text().startsWith(QStringLiteral("In use: 4")), qPrintable(status->text()));
    auto *clear = dialog.findChild<QPushButton *>(QStringLiteral("clearCacheButton"));
    QVERIFY(clear->isEnabled());
    QSignalSpy cleared(&datasets, &DatasetController::cacheCleared);
    QTest::mouseClick(clear, Qt::LeftButton);
    QVERIFY(cleared.wait(10000));
    QCOMPARE(cleared.at(0).at(0).toBool(), true);
    QVERIFY(!QFileInfo::exists(cache + QStringLiteral("/abc.ctstore")));
    QVERIFY(!QFileInfo::exists(cache + QStringLiteral("/abc-itemknn-k50.ctknn")));
    QVERIFY(QFileInfo::exists(cache + QStringLiteral("/notes.txt")));
    QVERIFY2(status->text().startsWith(QStringLiteral("Cleared the dataset cache")), qPrintable(status->text()));
    QVERIFY(!clear->isEnabled());
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
