// The gold-set wizard on the sample dataset: preset, users, a bad value (the spec's message on the
// page, Next disabled), split and seed, the build in the background, a name, Finish — and the gold
// set is in the project with the spec that was entered. Also the fields each protocol hides and
// the page shown when no dataset is loaded.
#include "uitest.h"

#include "backgroundtasks.h"
#include "dialogs/goldsetwizard.h"
#include "project/goldsetrepository.h"
#include "project/projectfile.h"
#include "session/datasetcontroller.h"
#include "session/goldsetcontroller.h"

#include <QAbstractButton>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace cinetune;
using namespace cinetune::ui;

class TestGoldSetWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void buildsAndSavesGoldSet();
    void invalidValuesDisableNext_data();
    void invalidValuesDisableNext();
    void holdoutShowsOnlyItsFields();
    void withoutDatasetOffersDatasetStep();

private:
    template<typename T>
    T *field(GoldSetWizard &w, const char *name)
    {
        auto *f = w.findChild<T *>(QLatin1String(name));
        if (!f)
            qFatal("no field %s", name);
        return f;
    }
    void next(GoldSetWizard &w, int expectedPage);

    QTemporaryDir m_tmp;
    BackgroundTasks *m_tasks = nullptr;
    DatasetController *m_datasets = nullptr;
    std::unique_ptr<ProjectFile> m_project;
    GoldSetController *m_controller = nullptr;
};

void TestGoldSetWizard::initTestCase()
{
    uitest::prepare();
    QVERIFY(m_tmp.isValid());
    m_tasks = new BackgroundTasks(this);
    m_datasets = new DatasetController(m_tasks, this);
    LoadOptions options;
    options.cacheDir = m_tmp.filePath(QStringLiteral("cache"));
    m_datasets->setLoadOptions(options);
    QSignalSpy loaded(m_datasets, &DatasetController::datasetChanged);
    m_datasets->load(uitest::samplePath());
    QVERIFY(loaded.wait(120000));
    auto project = ProjectFile::create(m_tmp.filePath(QStringLiteral("wizard.cinetune")));
    QVERIFY2(project, project ? "" : qPrintable(project.error().message));
    m_project = std::move(project).value();
    m_controller = new GoldSetController(m_datasets, m_tasks, this);
    m_controller->setProject(m_project.get());
}

void TestGoldSetWizard::next(GoldSetWizard &w, int expectedPage)
{
    QVERIFY2(w.button(QWizard::NextButton)->isEnabled(), qPrintable(w.validationMessage()));
    w.button(QWizard::NextButton)->click();
    QCOMPARE(w.currentId(), expectedPage);
}

void TestGoldSetWizard::buildsAndSavesGoldSet()
{
    GoldSetWizard w(m_controller);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QCOMPARE(w.currentId(), int(GoldSetWizard::PresetPageId));
    QVERIFY(field<QRadioButton>(w, "preset_paper50")->isChecked());
    QVERIFY(!field<QWidget>(w, "noDatasetNote")->isVisible());
    next(w, GoldSetWizard::UsersPageId);

    field<QSpinBox>(w, "usersSpin")->setValue(60);
    QCOMPARE(field<QSpinBox>(w, "profileSizeSpin")->value(), 10); // the preset's values are shown
    next(w, GoldSetWizard::NeighboursPageId);

    // A bad value: the spec's own message on the page, and no way on.
    field<QSpinBox>(w, "minMatchesSpin")->setValue(11);
    QCOMPARE(w.validationMessage(), QStringLiteral("min matches M must be from 1 to the profile size 10, found 11"));
    QVERIFY(w.currentPage()->findChild<QLabel *>(QStringLiteral("validationMessage"))->isVisible());
    QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
    field<QSpinBox>(w, "minMatchesSpin")->setValue(1);
    QVERIFY(w.validationMessage().isEmpty());
    next(w, GoldSetWizard::SplitPageId);

    field<QSpinBox>(w, "trainSpin")->setValue(80);
    QVERIFY(w.validationMessage().startsWith(QLatin1String("split shares must add up to 100 %")));
    QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
    field<QSpinBox>(w, "validationSpin")->setValue(10);
    field<QLineEdit>(w, "seedEdit")->setText(QStringLiteral("7"));
    next(w, GoldSetWizard::BuildPageId);

    // The build runs in the background; Finish is enabled once it is done.
    QTRY_VERIFY_WITH_TIMEOUT(w.button(QWizard::FinishButton)->isEnabled(), 60000);
    auto *status = field<QLabel>(w, "buildStatus");
    QVERIFY2(status->text().contains(QLatin1String("user")), qPrintable(status->text()));
    QCOMPARE(field<QLineEdit>(w, "goldSetNameEdit")->text(), QStringLiteral("profileData50 (seed 7)"));
    field<QLineEdit>(w, "goldSetNameEdit")->setText(QStringLiteral("Wizard set"));
    w.button(QWizard::FinishButton)->click();
    QCOMPARE(w.result(), int(QDialog::Accepted));
    QVERIFY(w.savedId() > 0);

    GoldSetSpec expected = GoldSetSpec::paper50();
    expected.users = 60;
    expected.split = {80, 10, 10};
    expected.seed = 7;
    GoldSetRepository repo(*m_project);
    auto stored = repo.find(QStringLiteral("Wizard set"));
    QVERIFY2(stored, stored ? "" : qPrintable(stored.error().message));
    QCOMPARE(stored->id, w.savedId());
    QVERIFY(stored->spec == expected);
    QCOMPARE(stored->datasetFingerprint, m_datasets->current()->dataset->fingerprint);
    auto users = repo.users(stored->id);
    QVERIFY(users);
    QVERIFY(users->size() > 30 && users->size() <= 60);
    QCOMPARE(qint64(users->size()), stored->users);
    QCOMPARE(stored->splitUsers[0] + stored->splitUsers[1] + stored->splitUsers[2], stored->users);
}

void TestGoldSetWizard::invalidValuesDisableNext_data()
{
    QTest::addColumn<int>("page");
    QTest::addColumn<QString>("spin");
    QTest::addColumn<int>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("profile size 0") << int(GoldSetWizard::UsersPageId) << "profileSizeSpin" << 0
                                    << "profile size P must be from 1 to 100, found 0";
    QTest::newRow("eligibility") << int(GoldSetWizard::UsersPageId) << "eligibilitySpin" << 5000
                                 << "eligibility E (ratings of 5 stars) must be from 0 to 1000, found 5000";
    QTest::newRow("watch factor 0") << int(GoldSetWizard::NeighboursPageId) << "watchFactorSpin" << 0
                                    << "watch factor W (%) must be from 1 to 100, found 0";
    QTest::newRow("min gold above max") << int(GoldSetWizard::NeighboursPageId) << "minGoldSpin" << 11
                                        << "min gold must be from 0 to max gold 10, found 11";
}

void TestGoldSetWizard::invalidValuesDisableNext()
{
    QFETCH(int, page);
    QFETCH(QString, spin);
    QFETCH(int, value);
    QFETCH(QString, message);
    GoldSetWizard w(m_controller);
    w.show();
    for (int p = GoldSetWizard::UsersPageId; p <= page; ++p)
        next(w, p);
    auto *box = w.currentPage()->findChild<QSpinBox *>(spin);
    QVERIFY(box);
    const int good = box->value();
    box->setValue(value);
    QCOMPARE(w.validationMessage(), message);
    QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
    box->setValue(good);
    QVERIFY(w.button(QWizard::NextButton)->isEnabled());
}

void TestGoldSetWizard::holdoutShowsOnlyItsFields()
{
    GoldSetWizard w(m_controller);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    field<QRadioButton>(w, "preset_holdout")->click();
    QCOMPARE(w.spec().protocol, GoldProtocol::TemporalHoldout);
    next(w, GoldSetWizard::UsersPageId);
    QCOMPARE(field<QSpinBox>(w, "eligibilitySpin")->value(), 0);
    next(w, GoldSetWizard::NeighboursPageId);
    QVERIFY(field<QSpinBox>(w, "holdoutSpin")->isVisible());
    QVERIFY(!field<QSpinBox>(w, "minMatchesSpin")->isVisible());
    QVERIFY(!field<QSpinBox>(w, "watchFactorSpin")->isVisible());
    w.back();
    w.back();
    field<QRadioButton>(w, "preset_paper60")->click();
    QCOMPARE(w.spec().starThreshold, 4.0);
    QCOMPARE(w.spec().watchFactor, 60);
    next(w, GoldSetWizard::UsersPageId);
    next(w, GoldSetWizard::NeighboursPageId);
    QVERIFY(!field<QSpinBox>(w, "holdoutSpin")->isVisible());
    QVERIFY(field<QSpinBox>(w, "watchFactorSpin")->isVisible());
    QCOMPARE(field<QSpinBox>(w, "watchFactorSpin")->value(), 60);
}

void TestGoldSetWizard::withoutDatasetOffersDatasetStep()
{
    DatasetController empty(m_tasks);
    GoldSetController controller(&empty, m_tasks);
    GoldSetWizard w(&controller);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(field<QWidget>(w, "noDatasetNote")->isVisible());
    QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
    QSignalSpy requested(&w, &GoldSetWizard::datasetRequested);
    field<QAbstractButton>(w, "goToDatasetButton")->click();
    QCOMPARE(requested.count(), 1);
}

QTEST_MAIN(TestGoldSetWizard)
#include "tst_goldsetwizard.moc"
