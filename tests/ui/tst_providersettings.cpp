// ProvidersDialog + ProviderService: add, edit and remove provider profiles, inline validation
// messages, the keychain failing gracefully without a keychain service, and the key never reaching
// the settings file.
#include "uitest.h"

#include "ui/shell/providersdialog.h"
#include "ui/shell/settingsdialog.h"
#include "ui/shell/backgroundtasks.h"
#include "ui/dataset/datasetcontroller.h"
#include "ui/common/providerservice.h"
#include "core/simulator/simulatorserver.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QListView>
#include <QTcpServer>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace cinetune;
using namespace cinetune::ui;

class TestProviderSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void addEditRemove();
    void validationMessages_data();
    void validationMessages();
    void keyNeverInSettings();
    void testConnectionListsModels();
    void settingsDialogOpensProviders();
    void closeWithUnsavedProfileAsks_data();
    void closeWithUnsavedProfileAsks();
    void switchingWithUnsavedProfileAsks_data();
    void switchingWithUnsavedProfileAsks();
    void closeWithoutChangesDoesNotAsk();
    void refusedPortAnswersFastWithAdviceOnce_data();
    void refusedPortAnswersFastWithAdviceOnce();

private:
    template<typename T>
    static T *child(QWidget *w, const char *name)
    {
        T *c = w->findChild<T *>(QLatin1String(name));
        if (!c)
            qWarning("no child %s", name);
        return c;
    }
    static void setKind(ProvidersDialog &d, ProviderKind kind)
    {
        auto *combo = child<QComboBox>(&d, "kindCombo");
        combo->setCurrentIndex(combo->findData(providerKindId(kind)));
    }
};

void TestProviderSettings::initTestCase()
{
    uitest::prepare();
}

void TestProviderSettings::init()
{
    QSettings s;
    s.remove(QStringLiteral("providers"));
}

void TestProviderSettings::addEditRemove()
{
    ProviderService service;
    ProvidersDialog dialog(&service);
    QCOMPARE(dialog.profileNames(), QStringList()); // an empty list opens a new profile in the editor

    child<QLineEdit>(&dialog, "nameEdit")->setText(QStringLiteral("Together"));
    setKind(dialog, ProviderKind::Together);
    child<QSpinBox>(&dialog, "concurrencySpin")->setValue(8);
    child<QSpinBox>(&dialog, "rpmSpin")->setValue(600);
    QVERIFY(dialog.saveProfile());
    QCOMPARE(dialog.profileNames(), QStringList{QStringLiteral("Together")});
    auto saved = service.profile(QStringLiteral("Together"));
    QVERIFY(saved);
    QCOMPARE(saved->kind, ProviderKind::Together);
    QCOMPARE(saved->concurrency, 8);
    QCOMPARE(saved->requestsPerMinute, 600);

    // Add a second one, then rename the first.
    dialog.addProfile();
    child<QLineEdit>(&dialog, "nameEdit")->setText(QStringLiteral("Local"));
    setKind(dialog, ProviderKind::OpenAICompatible);
    child<QLineEdit>(&dialog, "baseUrlEdit")->setText(QStringLiteral("http://127.0.0.1:11434/v1"));
    QVERIFY(dialog.saveProfile());
    QCOMPARE(service.profiles().size(), 2);

    dialog.selectProfile(QStringLiteral("Together"));
    QCOMPARE(child<QLineEdit>(&dialog, "nameEdit")->text(), QStringLiteral("Together"));
    child<QLineEdit>(&dialog, "nameEdit")->setText(QStringLiteral("Together AI"));
    child<QLineEdit>(&dialog, "defaultModelEdit")->setText(QStringLiteral("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference"));
    QVERIFY(dialog.saveProfile());
    QVERIFY(!service.profile(QStringLiteral("Together")));
    QCOMPARE(service.profile(QStringLiteral("Together AI"))->defaultModel,
             QStringLiteral("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference"));
    QCOMPARE(service.profiles().size(), 2);

    // A duplicate name is refused inline.
    dialog.addProfile();
    child<QLineEdit>(&dialog, "nameEdit")->setText(QStringLiteral("Local"));
    setKind(dialog, ProviderKind::OpenAI);
    QVERIFY(!dialog.saveProfile());
    QVERIFY(dialog.validationText().contains(QLatin1String("exists already")));

    dialog.selectProfile(QStringLiteral("Local"));
    dialog.removeProfile();
    QCOMPARE(dialog.profileNames(), QStringList{QStringLiteral("Together AI")});
    QVERIFY(!service.profile(QStringLiteral("Local")));
}

void TestProviderSettings::validationMessages_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected"); // "" = valid
    QTest::newRow("remote http") << int(ProviderKind::OpenAICompatible) << "http://example.com/v1"
                                 << "https://";
    QTest::newRow("loopback http") << int(ProviderKind::OpenAICompatible) << "http://127.0.0.1:8000/v1"
                                   << "";
    QTest::newRow("azure needs url") << int(ProviderKind::Azure) << ""
                                     << "base URL";
    QTest::newRow("user info") << int(ProviderKind::OpenAI) << "https://me:pw@api.openai.com/v1"
                               << "password";
    QTest::newRow("openai default") << int(ProviderKind::OpenAI) << ""
                                    << "";
}

void TestProviderSettings::validationMessages()
{
    QFETCH(int, kind);
    QFETCH(QString, url);
    QFETCH(QString, expected);
    ProviderService service;
    ProvidersDialog dialog(&service);
    child<QLineEdit>(&dialog, "nameEdit")->setText(QStringLiteral("p"));
    setKind(dialog, ProviderKind(kind));
    child<QLineEdit>(&dialog, "baseUrlEdit")->setText(url);
    if (expected.isEmpty()) {
        QCOMPARE(dialog.validationText(), QString());
        QVERIFY(dialog.saveProfile());
    } else {
        QVERIFY2(dialog.validationText().contains(expected), qPrintable(dialog.validationText())); // shown while typing
        QVERIFY(!dialog.saveProfile());
        QVERIFY(service.profiles().isEmpty());
    }
}

void TestProviderSettings::keyNeverInSettings()
{
    const QString secret = QStringLiteral("sk-proj-NEVER-IN-SETTINGS-0123456789");
    {
        ProviderService service;
        ProvidersDialog dialog(&service);
        child<QLineEdit>(&dialog, "nameEdit")->setText(QStringLiteral("OpenAI"));
        setKind(dialog, ProviderKind::OpenAI);
        child<QRadioButton>(&dialog, "keychainRadio")->setChecked(true);
        auto *key = child<QLineEdit>(&dialog, "keyEdit");
        QVERIFY(key->isEnabled());
        QCOMPARE(key->echoMode(), QLineEdit::Password);
        key->setText(secret);
        QVERIFY(dialog.saveProfile());
        QVERIFY(key->text().isEmpty()); // not kept in the form
        // With or without a keychain service, the keychain answers; without one the message says
        // where the key comes from instead (and never shows the key).
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.statusText().contains(QStringLiteral("…")), 30000);
        QVERIFY2(dialog.statusText().contains(QLatin1String("keychain"))
                     || dialog.statusText().contains(QLatin1String("OPENAI_API_KEY")),
                 qPrintable(dialog.statusText()));
        QVERIFY(!dialog.statusText().contains(secret));
        qInfo("keychain answer: %s", qPrintable(dialog.statusText()));
        QVERIFY(service.profile(QStringLiteral("OpenAI"))->useKeychain);
    }
    QSettings settings;
    settings.sync();
    QFile conf(settings.fileName());
    QVERIFY2(conf.open(QIODevice::ReadOnly), qPrintable(settings.fileName()));
    const QByteArray text = conf.readAll();
    QVERIFY(text.contains("OpenAI"));         // the profile is there ...
    QVERIFY(!text.contains(secret.toUtf8())); // ... the key is not
    QVERIFY(!text.contains("NEVER-IN-SETTINGS"));
}

void TestProviderSettings::testConnectionListsModels()
{
    SimulatorServer server;
    QVERIFY(server.listen(0).ok());
    ProviderService service;
    ProvidersDialog dialog(&service);
    child<QLineEdit>(&dialog, "nameEdit")->setText(QStringLiteral("sim"));
    setKind(dialog, ProviderKind::Simulator);
    child<QLineEdit>(&dialog, "baseUrlEdit")->setText(server.baseUrl());
    dialog.testConnection();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.testResultText().startsWith(QLatin1String("Connected")), 10000);
    QVERIFY(dialog.testResultText().contains(QLatin1String("gpt-4o-mini-2024-07-18")));
    QVERIFY(dialog.testResultText().contains(QLatin1String("not saved yet"))); // a working profile is not lost by Close
    QVERIFY(dialog.saveProfile());
    dialog.testConnection();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.testResultText().startsWith(QLatin1String("Connected")), 10000);
    QVERIFY(!dialog.testResultText().contains(QLatin1String("not saved yet")));

    // An actionable error, without the key.
    QVERIFY(server.setFaults(QStringLiteral("401@GET:/v1/models")).ok());
    setKind(dialog, ProviderKind::OpenAICompatible);
    child<QRadioButton>(&dialog, "keychainRadio")->setChecked(true);
    child<QLineEdit>(&dialog, "keyEdit")->setText(QStringLiteral("sk-wrong-key-987654"));
    dialog.testConnection();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.testResultText().startsWith(QLatin1String("Connection failed")), 10000);
    QVERIFY(dialog.testResultText().contains(QLatin1String("key")));
    QVERIFY(!dialog.testResultText().contains(QLatin1String("sk-wrong-key-987654")));
}

void TestProviderSettings::settingsDialogOpensProviders()
{
    BackgroundTasks tasks;
    DatasetController datasets(&tasks);
    SettingsDialog dialog(&datasets);
    QSignalSpy requested(&dialog, &SettingsDialog::providersRequested);
    auto *button = child<QPushButton>(&dialog, "providersButton");
    QVERIFY(button);
    button->click();
    QCOMPARE(requested.size(), 1);
}

void TestProviderSettings::closeWithUnsavedProfileAsks_data()
{
    QTest::addColumn<QString>("how"); // close button, Escape, the window's close button
    QTest::addColumn<int>("choice");
    QTest::addColumn<bool>("closed");
    QTest::addColumn<bool>("saved");
    for (const char *how : {"button", "escape", "window"}) {
        QTest::addRow("%s save", how) << QString::fromLatin1(how) << int(QMessageBox::Save) << true << true;
        QTest::addRow("%s discard", how) << QString::fromLatin1(how) << int(QMessageBox::Discard) << true << false;
        QTest::addRow("%s cancel", how) << QString::fromLatin1(how) << int(QMessageBox::Cancel) << false << false;
    }
}

void TestProviderSettings::closeWithUnsavedProfileAsks()
{
    QFETCH(QString, how);
    QFETCH(int, choice);
    QFETCH(bool, closed);
    QFETCH(bool, saved);
    ProviderService service;
    ProvidersDialog dialog(&service);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(!dialog.hasUnsavedChanges()); // the fresh "New provider" template is no change
    child<QLineEdit>(&dialog, "nameEdit")->setText(QStringLiteral("Local"));
    setKind(dialog, ProviderKind::OpenAICompatible);
    child<QLineEdit>(&dialog, "baseUrlEdit")->setText(QStringLiteral("http://127.0.0.1:11434/v1"));
    QVERIFY(dialog.hasUnsavedChanges());

    if (how == QLatin1String("button"))
        dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Close)->click();
    else if (how == QLatin1String("escape"))
        QTest::keyClick(&dialog, Qt::Key_Escape);
    else
        dialog.close();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = dialog.findChild<QMessageBox *>(QStringLiteral("unsavedProfileBox"))) != nullptr);
    QVERIFY(dialog.isVisible()); // nothing is discarded before the user answers
    QVERIFY(box->text().contains(QLatin1String("Local")));
    box->button(QMessageBox::StandardButton(choice))->click();
    if (closed)
        QTRY_VERIFY(!dialog.isVisible());
    else
        QTest::qWait(50);
    QCOMPARE(dialog.isVisible(), !closed);
    QCOMPARE(service.profile(QStringLiteral("Local")).has_value(), saved);
    if (saved)
        QCOMPARE(service.profile(QStringLiteral("Local"))->baseUrl.toString(), QStringLiteral("http://127.0.0.1:11434/v1"));
    if (!closed)
        QCOMPARE(child<QLineEdit>(&dialog, "nameEdit")->text(), QStringLiteral("Local")); // still being edited
}

// Showing another profile or adding one must not silently drop the edits either.
void TestProviderSettings::switchingWithUnsavedProfileAsks_data()
{
    QTest::addColumn<QString>("how"); // pick another profile in the list, or Add
    QTest::addColumn<int>("choice");
    for (const char *how : {"select", "add"}) {
        QTest::addRow("%s save", how) << QString::fromLatin1(how) << int(QMessageBox::Save);
        QTest::addRow("%s discard", how) << QString::fromLatin1(how) << int(QMessageBox::Discard);
        QTest::addRow("%s cancel", how) << QString::fromLatin1(how) << int(QMessageBox::Cancel);
    }
}

void TestProviderSettings::switchingWithUnsavedProfileAsks()
{
    QFETCH(QString, how);
    QFETCH(int, choice);
    ProviderService service;
    for (const char *name : {"Alpha", "Beta"}) {
        ProviderProfile p;
        p.name = QString::fromLatin1(name);
        p.kind = ProviderKind::OpenAI;
        p.concurrency = 3;
        QVERIFY(service.saveProfile(p).ok());
    }
    ProvidersDialog dialog(&service);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *list = child<QListView>(&dialog, "profileList");
    QCOMPARE(child<QLineEdit>(&dialog, "nameEdit")->text(), QStringLiteral("Alpha"));
    child<QSpinBox>(&dialog, "concurrencySpin")->setValue(7);

    if (how == QLatin1String("select"))
        list->setCurrentIndex(list->model()->index(1, 0));
    else
        child<QPushButton>(&dialog, "addProfileButton")->click();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = dialog.findChild<QMessageBox *>(QStringLiteral("unsavedProfileBox"))) != nullptr);
    // Nothing moved before the user answers: the editor and the list stay on the edited profile.
    QCOMPARE(child<QLineEdit>(&dialog, "nameEdit")->text(), QStringLiteral("Alpha"));
    QCOMPARE(child<QSpinBox>(&dialog, "concurrencySpin")->value(), 7);
    QCOMPARE(list->currentIndex().data().toString(), QStringLiteral("Alpha"));
    box->button(QMessageBox::StandardButton(choice))->click();
    const QString next = how == QLatin1String("select") ? QStringLiteral("Beta") : QStringLiteral("New provider");
    if (choice == QMessageBox::Cancel) {
        QTest::qWait(50);
        QCOMPARE(child<QLineEdit>(&dialog, "nameEdit")->text(), QStringLiteral("Alpha"));
        QCOMPARE(child<QSpinBox>(&dialog, "concurrencySpin")->value(), 7);
    } else {
        QTRY_COMPARE(child<QLineEdit>(&dialog, "nameEdit")->text(), next);
    }
    QCOMPARE(service.profile(QStringLiteral("Alpha"))->concurrency, choice == QMessageBox::Save ? 7 : 3);
}

void TestProviderSettings::closeWithoutChangesDoesNotAsk()
{
    ProviderService service;
    ProviderProfile p;
    p.name = QStringLiteral("Saved");
    p.kind = ProviderKind::OpenAI;
    QVERIFY(service.saveProfile(p).ok());
    ProvidersDialog dialog(&service);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(!dialog.hasUnsavedChanges());
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QTRY_VERIFY(!dialog.isVisible());
    QVERIFY(!dialog.findChild<QMessageBox *>(QStringLiteral("unsavedProfileBox")));

    // Saved edits are not "unsaved" either.
    dialog.show();
    child<QSpinBox>(&dialog, "concurrencySpin")->setValue(7);
    QVERIFY(dialog.hasUnsavedChanges());
    QVERIFY(dialog.saveProfile());
    QVERIFY(!dialog.hasUnsavedChanges());
}

void TestProviderSettings::refusedPortAnswersFastWithAdviceOnce_data()
{
    QTest::addColumn<bool>("answeredBefore"); // a server answered on the port earlier in the session
    QTest::newRow("never answered") << false;
    QTest::newRow("server stopped since") << true;
}

void TestProviderSettings::refusedPortAnswersFastWithAdviceOnce()
{
    QFETCH(bool, answeredBefore);
    ProviderService service; // one HttpClient for the session, as in the application
    ProvidersDialog dialog(&service);
    child<QLineEdit>(&dialog, "nameEdit")->setText(QStringLiteral("local"));
    setKind(dialog, ProviderKind::Simulator);
    QString url;
    if (answeredBefore) {
        SimulatorServer server;
        QVERIFY(server.listen(0).ok());
        url = server.baseUrl();
        child<QLineEdit>(&dialog, "baseUrlEdit")->setText(url);
        dialog.testConnection();
        QTRY_VERIFY2_WITH_TIMEOUT(dialog.testResultText().startsWith(QLatin1String("Connected")),
                                  qPrintable(dialog.testResultText()), 10000);
    } else {
        // A loopback port nobody listens on (taken and released again).
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        url = QStringLiteral("http://127.0.0.1:%1/v1").arg(probe.serverPort());
    }
    child<QLineEdit>(&dialog, "baseUrlEdit")->setText(url);
    QElapsedTimer timer;
    timer.start();
    dialog.testConnection();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.testResultText().startsWith(QLatin1String("Connection failed")), 15000);
    const qint64 ms = timer.elapsed();
    qInfo("refused port answered in %lld ms: %s", ms, qPrintable(dialog.testResultText()));
    QVERIFY2(ms < 1500, qPrintable(QStringLiteral("%1 ms").arg(ms))); // at most one quick retry, no back-off
    const QString text = dialog.testResultText();
    QVERIFY2(text.contains(QLatin1String("base URL")), qPrintable(text));
    QCOMPARE(text.count(QLatin1String("base URL")), 1); // the advice is given once
    QCOMPARE(text.count(QLatin1String("Check")), 1);
}

QTEST_MAIN(TestProviderSettings)
#include "tst_providersettings.moc"
