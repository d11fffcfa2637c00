// The gold-set wizard on the sample dataset: preset, users, a bad value (the spec's message on the
// page, Next disabled), split and seed, the build in the background, a name, Finish — and the gold
// set is in the project with the spec that was entered. Also the fields each protocol hides, the
// page shown when no dataset is loaded, the prompt template page (a live preview of the first
// user the build keeps, invalid templates), the review page's token estimate, the template saved
// in the project and used for the fine-tuning JSONL, and Cancel during the build.
#include "uitest.h"

#include "ui/shell/backgroundtasks.h"
#include "ui/goldset/goldsetreviewpage.h"
#include "ui/goldset/goldsettemplatepage.h"
#include "ui/goldset/goldsetwizard.h"
#include "core/finetune/finetuneexport.h"
#include "core/finetune/tokenizer.h"
#include "core/goldset/goldsetbuilder.h"
#include "ui/goldset/goldsetsummaryview.h"
#include "core/project/goldsetrepository.h"
#include "core/project/projectfile.h"
#include "ui/dataset/datasetcontroller.h"
#include "ui/goldset/goldsetcontroller.h"
#include "ui/goldset/goldsetwizardpages.h"
#include "ui/finetune/finetunecontroller.h"
#include "ui/finetune/finetunepage.h"
#include "ui/common/providerservice.h"
#include "ui/shell/translations.h"
#include "core/finetune/pricetable.h"
#include "core/finetune/trainingcost.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QWizardPage>

#include <QAbstractButton>
#include <QLabel>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QJsonObject>
#include <QTest>
#include <QThreadPool>

#include <optional>

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
    void templatePreviewShowsRealUser();
    void invalidTemplateDisablesNext_data();
    void invalidTemplateDisablesNext();
    void reviewShowsTokenEstimate();
    void templateIsSavedAndUsedForFineTuneData();
    void cancelDuringBuildSavesNothing();
    void firstPageShowsEligibleUsers();
    void noLoneAmpersandInLabels_data();
    void noLoneAmpersandInLabels();
    void wizardAndFineTuneShowSameEstimate();
    void summarySaysWhatHappenedToRequestedUsers();
    void fitsLaptopScreen();

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
    static void grab(QWidget &w, const QString &name);
    // From the first page to the template page with `users` users (paper50 otherwise).
    void toTemplatePage(GoldSetWizard &w, int users);
    // The example the preview must show: the first user (ascending id) a full build keeps.
    struct Expected
    {
        GoldSet set;
        QStringList profile;
        QStringList gold;
    };
    Expected expectedExample(const GoldSetSpec &spec);

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

// With CINETUNE_GRAB_DIR set, pages are saved as PNGs there (to look at them as a user would).
void TestGoldSetWizard::grab(QWidget &w, const QString &name)
{
    const QString dir = qEnvironmentVariable("CINETUNE_GRAB_DIR");
    if (dir.isEmpty())
        return;
    QTest::qWait(200); // pending layout requests, as a user would see the page
    QVERIFY(w.grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
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
    next(w, GoldSetWizard::TemplatePageId);
    next(w, GoldSetWizard::ReviewPageId);
    next(w, GoldSetWizard::BuildPageId);

    // The build runs in the background; Finish is enabled once it is done.
    QTRY_VERIFY_WITH_TIMEOUT(w.button(QWizard::FinishButton)->isEnabled(), 60000);
    auto *status = field<QLabel>(w, "buildStatus");
    QVERIFY2(status->text().contains(QLatin1String("user")), qPrintable(status->text()));
    // The text names the button as it reads.
    QCOMPARE(w.button(QWizard::FinishButton)->text(), QStringLiteral("&Save"));
    QVERIFY2(status->text().contains(QLatin1String("click Save")), qPrintable(status->text()));
    QVERIFY(!status->text().contains(QLatin1String("Finish")));
    // The summary shows the diagnostics: the verdict and the trivial baseline and ceiling.
    auto *summary = w.findChild<GoldSetSummaryView *>();
    QVERIFY(summary);
    QVERIFY2(summary->text().contains(QLatin1String("A non-personalised popularity list scores P@3 = ")),
             qPrintable(summary->text()));
    QVERIFY(summary->text().contains(QLatin1String("Neighbour consensus, seed + 1 (ceiling)")));
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
    // The diagnostics are stored with the summary (the Gold set page and the report read them).
    const QJsonObject diagnostics = stored->summary.value(QStringLiteral("diagnostics")).toObject();
    QVERIFY(
        diagnostics.value(QStringLiteral("verdict")).toString().startsWith(QLatin1String("A non-personalised popularity list")));
    QVERIFY(diagnostics.contains(QStringLiteral("most_popular")));
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
    QTest::qWait(50); // the count's answer (none) comes back queued
    QVERIFY(!w.currentPage()->findChild<QLabel *>(QStringLiteral("eligibleNote"))->isVisible());
    QSignalSpy requested(&w, &GoldSetWizard::datasetRequested);
    field<QAbstractButton>(w, "goToDatasetButton")->click();
    QCOMPARE(requested.count(), 1);
}

void TestGoldSetWizard::toTemplatePage(GoldSetWizard &w, int users)
{
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    next(w, GoldSetWizard::UsersPageId);
    field<QSpinBox>(w, "usersSpin")->setValue(users);
    next(w, GoldSetWizard::NeighboursPageId);
    next(w, GoldSetWizard::SplitPageId);
    next(w, GoldSetWizard::TemplatePageId);
}

TestGoldSetWizard::Expected TestGoldSetWizard::expectedExample(const GoldSetSpec &spec)
{
    Expected e;
    const Dataset &dataset = *m_datasets->current()->dataset;
    NullProgress progress;
    auto built = buildGoldSet(dataset, spec, {}, progress);
    if (!built || built->users.empty())
        qFatal("the sample gives no gold set");
    e.set = std::move(built).value();
    const GoldSetUser &first = e.set.users.front();
    e.profile = movieTitles(dataset.catalogue, first.profile, QStringLiteral("test"), first.user).value();
    e.gold = movieTitles(dataset.catalogue, first.gold, QStringLiteral("test"), first.user).value();
    return e;
}

void TestGoldSetWizard::templatePreviewShowsRealUser()
{
    GoldSetWizard w(m_controller);
    w.resize(900, 760);
    toTemplatePage(w, 60);
    auto *page = qobject_cast<GoldSetTemplatePage *>(w.currentPage());
    QVERIFY(page);
    QCOMPARE(field<QPlainTextEdit>(w, "userTemplateEdit")->toPlainText(), PromptTemplate::paperDefault().user);
    QTRY_VERIFY_WITH_TIMEOUT(!page->previewText().isEmpty(), 60000);
    grab(w, QStringLiteral("wizard-template"));

    // The first user the build keeps, with their real titles, rendered as the JSONL line holds it.
    const Expected e = expectedExample(w.spec());
    QVERIFY(e.profile.size() == 10 && !e.gold.isEmpty());
    QVERIFY2(page->previewText().contains(QStringLiteral("1. ") + e.profile.front()), qPrintable(page->previewText()));
    QVERIFY(page->previewText().contains(QStringLiteral("10. ") + e.profile.back()));
    QVERIFY(page->previewText().contains(QStringLiteral("1. ") + e.gold.front()));
    const ChatExample example = PromptTemplate::paperDefault().render(e.profile, e.gold);
    QCOMPARE(field<QPlainTextEdit>(w, "previewJson")->toPlainText(), QString::fromUtf8(chatJsonLine(example)));
    QVERIFY(field<QLabel>(w, "previewStatus")->text().contains(QString::number(e.set.users.front().user)));

    // Typing changes the preview (after a short pause).
    field<QPlainTextEdit>(w, "userTemplateEdit")->setPlainText(QStringLiteral("Favourites of mine:\n{profile}"));
    QTRY_VERIFY_WITH_TIMEOUT(page->previewText().contains(QStringLiteral("Favourites of mine:\n1. ") + e.profile.front()), 10000);
    // Reset brings the paper's texts back.
    field<QAbstractButton>(w, "resetTemplateButton")->click();
    QCOMPARE(w.promptTemplate(), PromptTemplate::paperDefault());
    QCOMPARE(field<QPlainTextEdit>(w, "userTemplateEdit")->toPlainText(), PromptTemplate::paperDefault().user);
    QVERIFY(page->previewText().contains(QStringLiteral("My top 10 movies:\n1. ") + e.profile.front()));
}

void TestGoldSetWizard::invalidTemplateDisablesNext_data()
{
    QTest::addColumn<QString>("edit");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown placeholder") << "userTemplateEdit"
                                         << "Mine: {profile} {movies}"
                                         << "Prompt template, user text: unknown placeholder {movies} (known: {profile}, "
                                            "{profile_count}, {count}, {gold})";
    QTest::newRow("gold in system") << "systemTemplateEdit"
                                    << "Answer with {gold}"
                                    << "Prompt template, system text: {gold} (the answer) may only appear in the assistant text";
    QTest::newRow("no gold in answer") << "assistantTemplateEdit"
                                       << "{count} movies"
                                       << "Prompt template, assistant text: {gold} is missing";
    QTest::newRow("open brace") << "systemTemplateEdit"
                                << "List {count movies"
                                << "Prompt template, system text: \"{\" without \"}\" (write {{ for a literal brace)";
}

void TestGoldSetWizard::invalidTemplateDisablesNext()
{
    QFETCH(QString, edit);
    QFETCH(QString, text);
    QFETCH(QString, message);
    GoldSetWizard w(m_controller);
    toTemplatePage(w, 20);
    auto *box = w.currentPage()->findChild<QPlainTextEdit *>(edit);
    QVERIFY(box);
    QVERIFY(w.button(QWizard::NextButton)->isEnabled());
    const QString good = box->toPlainText();
    box->setPlainText(text);
    QCOMPARE(w.validationMessage(), message);
    QVERIFY(field<QLabel>(w, "templateMessage")->isVisible());
    QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
    box->setPlainText(good);
    QVERIFY(w.validationMessage().isEmpty());
    QVERIFY(w.button(QWizard::NextButton)->isEnabled());
}

void TestGoldSetWizard::reviewShowsTokenEstimate()
{
    GoldSetWizard w(m_controller);
    w.resize(900, 760);
    toTemplatePage(w, 60);
    next(w, GoldSetWizard::ReviewPageId);
    auto *page = qobject_cast<GoldSetReviewPage *>(w.currentPage());
    QVERIFY(page);
    QTRY_VERIFY_WITH_TIMEOUT(page->exampleTokens() > 0, 60000);
    grab(w, QStringLiteral("wizard-review"));

    // The notebook's count of the example, worked out here with the tokenizer itself.
    const Expected e = expectedExample(w.spec());
    const ChatExample example = PromptTemplate::paperDefault().render(e.profile, e.gold);
    auto tokenizer = Tokenizer::o200k();
    QVERIFY(tokenizer);
    qint64 tokens = 3; // reply priming
    for (const ChatMessage &m : example.messages)
        tokens += 3 + qint64(tokenizer->count(m.role)) + qint64(tokenizer->count(m.content));
    QCOMPARE(page->exampleTokens(), tokens);
    const QLocale locale;
    const QString tokenText = field<QLabel>(w, "reviewTokens")->text();
    QVERIFY2(tokenText.contains(locale.toString(tokens) + QStringLiteral(" tokens")), qPrintable(tokenText));
    QVERIFY(tokenText.contains(QLatin1String("estimate")));

    // 60 users sampled from more eligible ones: 42 training examples, the Fine-tune step's 2 epochs.
    QVERIFY(e.set.summary.eligibleUsers > 60);
    const QString counts = field<QLabel>(w, "reviewCounts")->text();
    QVERIFY2(
        counts.contains(locale.toString(qulonglong(e.set.summary.eligibleUsers)) + QStringLiteral(" eligible users, 60 sampled")),
        qPrintable(counts));
    QVERIFY(counts.contains(QLatin1String("42 training, 12 validation and 6 test")));
    const QString estimate = field<QLabel>(w, "reviewEstimate")->text();
    QVERIFY2(estimate.contains(locale.toString(tokens * 42 * kPaperEpochs) + QStringLiteral(" billed tokens")),
             qPrintable(estimate));
    QVERIFY2(estimate.contains(QStringLiteral("× 42 training examples × %1 epochs").arg(kPaperEpochs)), qPrintable(estimate));
    QVERIFY(field<QLabel>(w, "reviewWarnings")->text().contains(QLatin1String("OpenAI")));
    QCOMPARE(w.button(QWizard::NextButton)->text(), QStringLiteral("&Build"));
}

void TestGoldSetWizard::templateIsSavedAndUsedForFineTuneData()
{
    const QString path = m_tmp.filePath(QStringLiteral("template.cinetune"));
    PromptTemplate custom = PromptTemplate::paperDefault();
    custom.name = QStringLiteral("custom");
    custom.system = QStringLiteral("Recommend exactly {count} films, one per line.");
    custom.user = QStringLiteral("Films I loved ({profile_count}):\n{profile}");
    qint64 savedId = 0;
    {
        auto project = ProjectFile::create(path);
        QVERIFY(project);
        GoldSetController controller(m_datasets, m_tasks);
        controller.setProject(project->get());
        QCOMPARE(controller.promptTemplate(), PromptTemplate::paperDefault());
        GoldSetWizard w(&controller);
        toTemplatePage(w, 60);
        field<QPlainTextEdit>(w, "systemTemplateEdit")->setPlainText(custom.system);
        field<QPlainTextEdit>(w, "userTemplateEdit")->setPlainText(custom.user);
        QCOMPARE(w.promptTemplate(), custom);
        next(w, GoldSetWizard::ReviewPageId);
        next(w, GoldSetWizard::BuildPageId);
        QTRY_VERIFY_WITH_TIMEOUT(w.button(QWizard::FinishButton)->isEnabled(), 60000);
        // Not saved before Finish.
        QCOMPARE(controller.promptTemplate(), PromptTemplate::paperDefault());
        w.button(QWizard::FinishButton)->click();
        QCOMPARE(w.result(), int(QDialog::Accepted));
        savedId = w.savedId();
        QCOMPARE(controller.promptTemplate(), custom);
        controller.setProject(nullptr);
    }

    // Reopened: the controller and a new wizard have the saved template ...
    auto project = ProjectFile::open(path);
    QVERIFY2(project, project ? "" : qPrintable(project.error().message));
    GoldSetController controller(m_datasets, m_tasks);
    controller.setProject(project->get());
    QCOMPARE(controller.promptTemplate(), custom);
    {
        GoldSetWizard w(&controller);
        toTemplatePage(w, 60);
        QCOMPARE(field<QPlainTextEdit>(w, "systemTemplateEdit")->toPlainText(), custom.system);
        QCOMPARE(field<QPlainTextEdit>(w, "userTemplateEdit")->toPlainText(), custom.user);
        QCOMPARE(field<QPlainTextEdit>(w, "assistantTemplateEdit")->toPlainText(), custom.assistant);
    }

    // ... and the fine-tuning JSONL is written with it: every line is the custom rendering.
    std::optional<Result<FineTuneFiles>> files;
    int ticket = 0;
    connect(&controller, &GoldSetController::fineTuneDataWritten, &controller, [&](int t, const Result<FineTuneFiles> &r) {
        if (t == ticket)
            files.emplace(r);
    });
    ticket = controller.writeFineTuneData(savedId, m_tmp.filePath(QStringLiteral("ft")), false);
    QTRY_VERIFY_WITH_TIMEOUT(files.has_value(), 60000);
    QVERIFY2(*files, *files ? "" : qPrintable(files->error().message));
    auto users = controller.users(savedId);
    QVERIFY(users);
    const Catalogue &catalogue = m_datasets->current()->dataset->catalogue;
    QByteArray expected;
    for (const GoldSetUser &u : *users.value()) {
        if (u.split != GoldSetSplit::Train || u.gold.empty())
            continue;
        auto profile = movieTitles(catalogue, u.profile, QStringLiteral("test"), u.user);
        auto gold = movieTitles(catalogue, u.gold, QStringLiteral("test"), u.user);
        QVERIFY(profile && gold);
        expected += chatJsonLine(custom.render(profile.value(), gold.value())) + '\n';
    }
    QFile training((*files)->training);
    QVERIFY(training.open(QIODevice::ReadOnly));
    const QByteArray actual = training.readAll();
    QVERIFY(!expected.isEmpty());
    QCOMPARE(actual, expected);
    QVERIFY(actual.contains("Films I loved (10):\\n1. "));
}

void TestGoldSetWizard::cancelDuringBuildSavesNothing()
{
    GoldSetRepository repo(*m_project);
    const qsizetype before = repo.list()->size();
    GoldSetWizard w(m_controller);
    toTemplatePage(w, 40);
    next(w, GoldSetWizard::ReviewPageId);
    QTRY_VERIFY_WITH_TIMEOUT(w.preview() != nullptr, 60000);

    // Hold the build in the thread pool's queue so Cancel surely comes while it is pending.
    QThreadPool *pool = QThreadPool::globalInstance();
    QTRY_COMPARE_WITH_TIMEOUT(pool->activeThreadCount(), 0, 60000);
    const int threads = pool->maxThreadCount();
    pool->setMaxThreadCount(1);
    QSemaphore hold;
    QSemaphore started;
    pool->start([&hold, &started] {
        started.release();
        hold.acquire();
    });
    QVERIFY(started.tryAcquire(1, 10000));
    next(w, GoldSetWizard::BuildPageId);
    auto *cancel = field<QAbstractButton>(w, "cancelBuildButton");
    QVERIFY(cancel->isVisible());
    cancel->click();
    hold.release();
    pool->setMaxThreadCount(threads);

    auto *status = field<QLabel>(w, "buildStatus");
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QLatin1String("Canceled")), 60000);
    QVERIFY(!w.button(QWizard::FinishButton)->isEnabled());
    QVERIFY(!field<QLineEdit>(w, "goldSetNameEdit")->isVisible());
    QCOMPARE(repo.list()->size(), before);

    // Still usable: build again and save.
    field<QAbstractButton>(w, "buildAgainButton")->click();
    QTRY_VERIFY_WITH_TIMEOUT(w.button(QWizard::FinishButton)->isEnabled(), 60000);
    field<QLineEdit>(w, "goldSetNameEdit")->setText(QStringLiteral("After cancel"));
    w.button(QWizard::FinishButton)->click();
    QCOMPARE(w.result(), int(QDialog::Accepted));
    QCOMPARE(repo.list()->size(), before + 1);
    QVERIFY(repo.find(QStringLiteral("After cancel")));
}

// Issue 17: the eligible users are known on the first page, and Users defaults to no more than them.
void TestGoldSetWizard::firstPageShowsEligibleUsers()
{
    NullProgress progress;
    const Dataset &dataset = *m_datasets->current()->dataset;
    const quint64 eligible = countEligibleUsers(dataset, GoldSetSpec::paper50(), progress).value();
    QVERIFY(eligible > 60 && eligible < GoldSetSpec{}.users);
    GoldSetWizard w(m_controller);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QCOMPARE(w.currentId(), int(GoldSetWizard::PresetPageId));
    auto *note = w.currentPage()->findChild<QLabel *>(QStringLiteral("eligibleNote"));
    QVERIFY(note);
    const QLocale locale;
    const QString expected = QStringLiteral("%1 of the dataset's %2 users are eligible")
                                 .arg(locale.toString(eligible), locale.toString(dataset.store.userCount()));
    QTRY_VERIFY2_WITH_TIMEOUT(note->text().contains(expected), qPrintable(note->text()), 20000);
    QVERIFY(note->isVisible());
    QCOMPARE(w.eligibleUsers(), std::optional<quint64>(eligible));
    grab(w, QStringLiteral("wizard-preset"));
    // Users defaults to every eligible user, not to 10,000 the dataset does not have.
    QCOMPARE(quint64(w.spec().users), eligible);
    next(w, GoldSetWizard::UsersPageId);
    QCOMPARE(quint64(field<QSpinBox>(w, "usersSpin")->value()), eligible);
    grab(w, QStringLiteral("wizard-users"));
    // A stricter rule is counted again.
    field<QSpinBox>(w, "eligibilitySpin")->setValue(1000);
    auto *usersNote = w.currentPage()->findChild<QLabel *>(QStringLiteral("eligibleNote"));
    QTRY_VERIFY_WITH_TIMEOUT(usersNote->text().startsWith(QLatin1String("0 of the dataset's")), 20000);
    // More users than eligible ones: the page says what will happen.
    field<QSpinBox>(w, "eligibilitySpin")->setValue(4);
    field<QSpinBox>(w, "usersSpin")->setValue(int(eligible) + 50);
    QTRY_VERIFY_WITH_TIMEOUT(usersNote->text().contains(QStringLiteral("%1 requested: all %2 eligible users will be used")
                                                            .arg(locale.toString(eligible + 50), locale.toString(eligible))),
                             20000);
    QCOMPARE(quint64(w.spec().users), eligible + 50); // the user's choice stays
}

void TestGoldSetWizard::noLoneAmpersandInLabels_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QStringLiteral("en");
    QTest::newRow("German") << QStringLiteral("de");
}

// Issue 17: "&Seed:" showed its ampersand. A label's '&' is a mnemonic only with a buddy;
// otherwise no lone '&' may be in its text.
void TestGoldSetWizard::noLoneAmpersandInLabels()
{
    QFETCH(QString, language);
    QVERIFY(installTranslators(*QCoreApplication::instance(), language));
    GoldSetWizard w(m_controller);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    int checked = 0;
    for (const QLabel *label : w.findChildren<QLabel *>()) {
        if (label->buddy() || label->textFormat() == Qt::RichText
            || (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(label->text())))
            continue;
        QString text = label->text();
        text.remove(QStringLiteral("&&"));
        QVERIFY2(!text.contains(QLatin1Char('&')), qPrintable(label->text()));
        ++checked;
    }
    QVERIFY(checked > 10);
    // The seed's label has its buddy, so its mnemonic works.
    const QLabel *seedLabel = nullptr;
    for (const QLabel *label : w.findChildren<QLabel *>()) {
        if (label->buddy() == field<QLineEdit>(w, "seedEdit"))
            seedLabel = label;
    }
    QVERIFY(seedLabel);
    QVERIFY(installTranslators(*QCoreApplication::instance(), QStringLiteral("en")));
}

// Issue 17: the wizard said 3 epochs and $0.43, the Fine-tune page 2 epochs and $0.31 for the
// same users. After the build the wizard shows the Fine-tune page's figures for that gold set.
void TestGoldSetWizard::wizardAndFineTuneShowSameEstimate()
{
    GoldSetWizard w(m_controller);
    toTemplatePage(w, 60);
    next(w, GoldSetWizard::ReviewPageId);
    auto *review = qobject_cast<GoldSetReviewPage *>(w.currentPage());
    QTRY_VERIFY_WITH_TIMEOUT(review->exampleTokens() > 0, 60000);
    QCOMPARE(field<QLabel>(w, "reviewEstimate")->property("epochs").toInt(), kPaperEpochs);
    next(w, GoldSetWizard::BuildPageId);
    QTRY_VERIFY_WITH_TIMEOUT(w.button(QWizard::FinishButton)->isEnabled(), 60000);
    auto *build = qobject_cast<GoldSetBuildPage *>(w.currentPage());
    QVERIFY(build);
    QVERIFY(!build->figure(QStringLiteral("cost")).isEmpty());
    QVERIFY(field<QLabel>(w, "buildEstimate")->text().contains(build->figure(QStringLiteral("cost"))));
    grab(w, QStringLiteral("wizard-build"));
    field<QLineEdit>(w, "goldSetNameEdit")->setText(QStringLiteral("Same estimate"));
    w.button(QWizard::FinishButton)->click();
    QVERIFY(w.savedId() > 0);

    ProviderService providers;
    FineTuneController fineTune(&providers, m_tasks);
    FineTunePage page(&fineTune);
    // No provider (another test's simulator profile may be saved): the default model's price.
    page.findChild<QComboBox *>(QStringLiteral("providerCombo"))->setCurrentIndex(-1);
    page.findChild<QLineEdit *>(QStringLiteral("baseModelEdit"))->setText(PriceTable::defaults().models().constFirst().model);
    page.setGoldSets(m_controller);
    page.pickGoldSet(w.savedId());
    QTRY_VERIFY_WITH_TIMEOUT(page.figure(QStringLiteral("epochs")) != QStringLiteral("—"), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(page.figure(QStringLiteral("cost")).startsWith(QLatin1Char('$')), 60000);
    for (const char *key : {"tokens", "epochs", "billedTokens", "cost"})
        QCOMPARE(page.figure(QLatin1String(key)), build->figure(QLatin1String(key)));
    QVERIFY(page.figure(QStringLiteral("examples")).startsWith(build->figure(QStringLiteral("examples"))));
    QCOMPARE(page.figure(QStringLiteral("epochs")), QString::number(kPaperEpochs));
}

// Issue 17: "Users 300" stood next to a list of 276.
void TestGoldSetWizard::summarySaysWhatHappenedToRequestedUsers()
{
    GoldSetSpec spec = GoldSetSpec::paper50();
    spec.users = 300;
    const QJsonObject summary{{QStringLiteral("kept_users"), 250},
                              {QStringLiteral("selected_users"), 276},
                              {QStringLiteral("eligible_users"), 276},
                              {QStringLiteral("dataset_users"), 610}};
    const QString html = goldSetSummaryHtml(summary, spec, nullptr);
    QVERIFY2(html.contains(QLatin1String("300 users were requested; only 276 are eligible")), qPrintable(html));
    QVERIFY(html.contains(QLatin1String("26 of the 276 selected users were dropped")));
    QVERIFY(goldSetSpecHtml(spec).contains(QLatin1String("Users requested")));
    spec.users = 100; // fewer than eligible: nothing to explain
    const QJsonObject some{
        {QStringLiteral("kept_users"), 100}, {QStringLiteral("selected_users"), 100}, {QStringLiteral("eligible_users"), 276}};
    QVERIFY(!goldSetSummaryHtml(some, spec, nullptr).contains(QLatin1String("requested")));
}

// Issue 17: the wizard fits a 1024×700 screen on every page.
void TestGoldSetWizard::fitsLaptopScreen()
{
    GoldSetWizard w(m_controller);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.width() <= 1024 && w.height() <= 700);
    for (int id : w.pageIds()) {
        const QSize hint = w.page(id)->minimumSizeHint();
        QVERIFY2(hint.width() <= 1000 && hint.height() <= 560,
                 qPrintable(QStringLiteral("page %1: %2x%3").arg(id).arg(hint.width()).arg(hint.height())));
    }
    QVERIFY2(w.minimumSizeHint().width() <= 1024 && w.minimumSizeHint().height() <= 700,
             qPrintable(QStringLiteral("%1x%2").arg(w.minimumSizeHint().width()).arg(w.minimumSizeHint().height())));
}

QTEST_MAIN(TestGoldSetWizard)
#include "tst_goldsetwizard.moc"
