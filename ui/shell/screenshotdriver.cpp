#include "ui/shell/screenshotdriver.h"

#include "ui/shell/mainwindow.h"
#include "ui/dataset/datasetpage.h"
#include "ui/goldset/goldsetwizard.h"
#include "ui/finetune/finetunepage.h"
#include "ui/goldset/goldsetpage.h"
#include "ui/finetune/jobview.h"
#include "ui/playground/playgroundpage.h"
#include "ui/results/resultspage.h"
#include "core/eval/baselines.h"
#include "ui/playground/columntargetchooser.h"
#include "ui/playground/recommendationcolumn.h"
#include "ui/evaluate/evaluatepage.h"
#include "ui/evaluate/evaluationcontroller.h"
#include "ui/playground/playgroundcontroller.h"
#include "core/simulator/simulatorserver.h"
#include "ui/finetune/finetunecontroller.h"
#include "ui/goldset/goldsetcontroller.h"
#include "ui/common/providerservice.h"
#include "ui/shell/workspace.h"
#include "ui/dataset/datasetcontroller.h"
#include "ui/shell/steps.h"
#include "ui/common/messagebanner.h"
#include "ui/shell/layoutcheck.h"

#include <QAbstractButton>
#include <QDialog>

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QPixmap>
#include <QSet>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <memory>
#include <utility>

namespace cinetune::ui {

namespace {
constexpr int kSettleMs = 400;
constexpr const char *kFlag = "--screenshot-dir=";
constexpr const char *kSizeFlag = "--screenshot-size=";
} // namespace

QString ScreenshotDriver::directoryFromEnvironment(const QStringList &args)
{
    for (const QString &a : args) {
        if (a.startsWith(QLatin1String(kFlag)))
            return a.mid(static_cast<int>(qstrlen(kFlag)));
    }
    return qEnvironmentVariable("CINETUNE_SCREENSHOT_DIR");
}

QSize ScreenshotDriver::sizeFromEnvironment(const QStringList &args)
{
    QString spec = qEnvironmentVariable("CINETUNE_SCREENSHOT_SIZE");
    for (const QString &a : args) {
        if (a.startsWith(QLatin1String(kSizeFlag)))
            spec = a.mid(static_cast<int>(qstrlen(kSizeFlag)));
    }
    const QSize fallback(1366, 768);
    if (spec.isEmpty())
        return fallback;
    const QStringList parts = spec.split(QLatin1Char('x'));
    bool okW = false, okH = false;
    const QSize size = parts.size() == 2 ? QSize(parts[0].toInt(&okW), parts[1].toInt(&okH)) : QSize();
    if (!okW || !okH || size.width() < 320 || size.height() < 240) {
        std::fprintf(stderr, "screenshots: ignoring the size \"%s\" (expected WIDTHxHEIGHT, e.g. 1024x700)\n", qPrintable(spec));
        return fallback;
    }
    return size;
}

QWidget *ScreenshotDriver::openDialog() const
{
    const QList<QDialog *> dialogs = m_window->findChildren<QDialog *>();
    for (QDialog *d : dialogs) {
        if (d->isVisible() && d->isWindow())
            return d;
    }
    return nullptr;
}

void ScreenshotDriver::clickButton(const QString &objectName)
{
    if (auto *b = m_window->findChild<QAbstractButton *>(objectName); b && b->isEnabled())
        b->click();
    else
        std::fprintf(stderr, "screenshots: no enabled button \"%s\"\n", qPrintable(objectName));
}

void ScreenshotDriver::triggerAction(QAction::MenuRole role)
{
    const QList<QAction *> actions = m_window->findChildren<QAction *>();
    for (QAction *a : actions) {
        if (a->menuRole() == role) {
            a->trigger();
            return;
        }
    }
    std::fprintf(stderr, "screenshots: no menu action of role %d\n", int(role));
}

ScreenshotDriver::ScreenshotDriver(MainWindow *window, const QString &directory)
    : QObject(window)
    , m_window(window)
    , m_dir(directory)
    ,
    // The window's parts, found by type: the driver needs no accessors on MainWindow.
    m_datasetPage(window->findChild<DatasetPage *>())
    , m_goldSetPage(window->findChild<GoldSetPage *>())
    , m_fineTunePage(window->findChild<FineTunePage *>())
    , m_resultsPage(window->findChild<ResultsPage *>())
    , m_datasets(window->findChild<DatasetController *>())
    , m_workspace(window->findChild<Workspace *>())
    , m_goldSets(window->findChild<GoldSetController *>())
    , m_fineTune(window->findChild<FineTuneController *>())
    , m_providers(window->findChild<ProviderService *>())
    , m_evaluation(window->findChild<EvaluationController *>())
    , m_screen(sizeFromEnvironment(QCoreApplication::arguments()))
    , m_check(qEnvironmentVariable("CINETUNE_LAYOUT_CHECK") == QLatin1String("1"))
{
    window->resize(m_screen);
    const QObject *const parts[] = {m_datasetPage, m_goldSetPage, m_fineTunePage, m_resultsPage, m_datasets,
                                    m_workspace,   m_goldSets,    m_fineTune,     m_providers,   m_evaluation};
    if (std::find(std::begin(parts), std::end(parts), nullptr) != std::end(parts)) {
        QTimer::singleShot(0, this,
                           [this] { fail(QStringLiteral("the main window lacks a page or controller the screenshots need")); });
        return;
    }
    DatasetPage *page = m_datasetPage;
    m_shots.emplace_back(QStringLiteral("1-dataset-overview"), [window, page] {
        window->setCurrentStep(0);
        page->showTab(DatasetPage::OverviewTab);
    });
    m_shots.emplace_back(QStringLiteral("1-dataset-movies"), [page] {
        page->setMovieFilter(QString());
        page->showTab(DatasetPage::MoviesTab);
    });
    m_shots.emplace_back(QStringLiteral("1-dataset-movies-search"), [page] {
        page->setMovieFilter(QStringLiteral("matrix"));
        page->showTab(DatasetPage::MoviesTab);
    });
    m_shots.emplace_back(QStringLiteral("1-dataset-users"), [page] {
        page->setMovieFilter(QString());
        page->showUser(1);
        page->showTab(DatasetPage::UsersTab);
    });
    const char *names[] = {"2-gold-set", "3-fine-tune", "4-evaluate", "5-playground", "6-results"};
    for (int i = 1; i < kStepCount; ++i) {
        m_shots.emplace_back(QLatin1String(names[i - 1]), [this, window, i] {
            window->setCurrentStep(i);
            if (i == 1)
                m_goldSetPage->showTab(GoldSetPage::SummaryTab);
        });
        if (i == 1) {
            m_shots.emplace_back(QStringLiteral("2-gold-set-users"), [this] { m_goldSetPage->showTab(GoldSetPage::UsersTab); });
            // Every page of the wizard, with its defaults: the first opens it, the others press Next.
            m_shots.emplace_back(QStringLiteral("2-gold-set-wizard"), [this] { m_goldSetPage->newGoldSet(); });
            for (const char *page : {"users", "neighbours", "split", "template", "review", "build"}) {
                m_shots.emplace_back(QStringLiteral("2-gold-set-wizard-") + QLatin1String(page), [this] {
                    if (GoldSetWizard *wizard = m_goldSetPage->wizard())
                        wizard->next();
                });
            }
        }
        if (i == 2)
            m_shots.emplace_back(QStringLiteral("3-providers-dialog"),
                                 [this] { clickButton(QStringLiteral("editProvidersButton")); });
        if (i == 3)
            m_shots.emplace_back(QStringLiteral("4-evaluate-new-run"), [this] { clickButton(QStringLiteral("newRunButton")); });
    }
    // The paper layout table: the runs beside the paper's published figures (labelled), and the
    // extended table with raw and Holm-adjusted p-values.
    m_shots.emplace_back(QStringLiteral("6-results-tables"), [this, window] {
        window->setCurrentStep(5);
        // The baselines beside the paper's figures (the simulator's runs are in the charts shot).
        m_resultsPage->setVisibleRuns({0, 1});
        m_resultsPage->setPair(1, 0);
        m_resultsPage->tabs()->setCurrentIndex(0);
    });
    // The Evaluate step once the Results shots made runs: the fine-tuned run, scored, with its users.
    m_shots.emplace_back(QStringLiteral("4-evaluate-run"), [this, window] {
        window->setCurrentStep(3);
        const QList<StoredRun> runs = m_evaluation->runs();
        if (auto *page = m_window->findChild<EvaluatePage *>(); page && !runs.isEmpty())
            page->selectRun(runs.last().id);
    });
    // The dialogs of the Edit and Help menus.
    m_shots.emplace_back(QStringLiteral("7-settings-dialog"), [this] { triggerAction(QAction::PreferencesRole); });
    m_shots.emplace_back(QStringLiteral("7-about-dialog"), [this] { triggerAction(QAction::AboutRole); });
    m_shots.emplace_back(QStringLiteral("1-dataset-error"), [window, page] {
        window->setCurrentStep(0);
        page->showTab(DatasetPage::OverviewTab);
    });

    connect(page, &DatasetPage::datasetShown, this, &ScreenshotDriver::start);
    connect(m_datasets, &DatasetController::loadFailed, this, [this](const QString &, const Error &error) {
        if (!m_started)
            fail(error.message);
    });
}

void ScreenshotDriver::start()
{
    if (m_started)
        return;
    m_started = true;
    if (!m_dir.mkpath(QStringLiteral(".")))
        return fail(QStringLiteral("cannot create %1").arg(m_dir.path()));
    QTimer::singleShot(kSettleMs, this, &ScreenshotDriver::next);
}

void ScreenshotDriver::next()
{
    if (m_index >= m_shots.size()) {
        if (m_check)
            std::fprintf(stderr, "layout: %d problem(s) at %dx%d\n", m_problems, m_screen.width(), m_screen.height());
        QCoreApplication::exit(m_problems > 0 ? 3 : 0);
        return;
    }
    const auto &[name, prepare] = m_shots[m_index];
    if (name == QLatin1String("2-gold-set") && !m_goldSetsReady) {
        prepare();
        prepareGoldSets();
        return;
    }
    if (name == QLatin1String("3-fine-tune") && !m_fineTuneReady) {
        prepare();
        prepareFineTune();
        return;
    }
    if (name == QLatin1String("5-playground") && !m_playgroundReady) {
        prepare();
        preparePlayground();
        return;
    }
    if (name == QLatin1String("6-results") && !m_resultsReady) {
        prepare();
        prepareResults();
        return;
    }
    if (name == QLatin1String("1-dataset-error")) {
        // The last shot shows how a broken file is reported: load one, wait for the message.
        if (!m_datasetPage->messageBanner()->isVisible()) {
            const QString broken = QDir::temp().filePath(QStringLiteral("my-ratings"));
            QDir(broken).removeRecursively();
            QDir().mkpath(broken);
            QFile movies(broken + QStringLiteral("/movies.csv"));
            QFile ratings(broken + QStringLiteral("/ratings.csv"));
            if (movies.open(QIODevice::WriteOnly) && ratings.open(QIODevice::WriteOnly)) {
                movies.write("movieId,title,genres\n1,Toy Story (1995),Animation\n");
                ratings.write("userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,1,four,964982704\n");
            }
            movies.close();
            ratings.close();
            prepare();
            connect(
                m_datasets, &DatasetController::loadFailed, this,
                [this] { QTimer::singleShot(kSettleMs, this, &ScreenshotDriver::next); }, Qt::SingleShotConnection);
            m_datasetPage->openDataset(broken);
            return;
        }
        QDir(QDir::temp().filePath(QStringLiteral("my-ratings"))).removeRecursively();
    } else {
        prepare();
    }
    // Let layouts and charts settle before grabbing.
    QTimer::singleShot(kSettleMs, this, [this, name = name] {
        const QString file = m_dir.filePath(name + QStringLiteral(".png"));
        // A dialog the shot opened, else the window.
        QWidget *target = openDialog();
        if (!target)
            target = m_window;
        const QPixmap shot = target->grab();
        if (m_check) {
            const QStringList problems = layoutProblems(target, m_screen);
            for (const QString &p : problems)
                std::fprintf(stderr, "layout: %s: %s\n", qPrintable(name), qPrintable(p));
            m_problems += static_cast<int>(problems.size());
        }
        // Close the dialog, but keep the wizard open until its last page was shot.
        const bool wizardGoesOn = name.startsWith(QLatin1String("2-gold-set-wizard"))
            && name != QLatin1String("2-gold-set-wizard-build");
        if (auto *dialog = qobject_cast<QDialog *>(target); dialog && !wizardGoesOn)
            dialog->reject();
        if (!shot.save(file))
            return fail(QStringLiteral("cannot write %1").arg(file));
        std::fprintf(stdout, "%s\n", qPrintable(file));
        std::fflush(stdout);
        ++m_index;
        next();
    });
}

bool ScreenshotDriver::ensureProject()
{
    // A project of its own (in a temporary folder) so gold sets and jobs are stored somewhere.
    if (!m_workspace->isUntitled())
        return true;
    m_workDir = QDir::temp().filePath(QStringLiteral("cinetune-screenshots"));
    QDir(m_workDir).removeRecursively();
    QDir().mkpath(m_workDir);
    if (!m_window->createProjectFile(m_workDir + QStringLiteral("/Movie recommendations.cinetune"))) {
        fail(QStringLiteral("cannot create a project in %1").arg(m_workDir));
        return false;
    }
    return true;
}

void ScreenshotDriver::prepareGoldSets()
{
    if (!ensureProject())
        return;
    GoldSetController *goldSets = m_goldSets;
    auto specs = std::make_shared<std::vector<std::pair<QString, GoldSetSpec>>>();
    GoldSetSpec paper50 = GoldSetSpec::paper50();
    paper50.users = 300;
    GoldSetSpec paper60 = GoldSetSpec::paper60();
    paper60.users = 300;
    specs->emplace_back(QStringLiteral("profileData60 (seed 1)"), paper60);
    specs->emplace_back(QStringLiteral("profileData50 (seed 1)"), paper50);
    auto conn = std::make_shared<QMetaObject::Connection>();
    *conn = connect(
        goldSets, &GoldSetController::buildFinished, this, [this, goldSets, specs, conn](const GoldSetBuildOutcome &out) {
            if (!out.set) {
                QObject::disconnect(*conn);
                return fail(out.error ? out.error->message : QStringLiteral("gold set build failed"));
            }
            if (auto id = goldSets->add(specs->back().first, *out.set, out.datasetFingerprint, out.diagnostics); !id) {
                QObject::disconnect(*conn);
                return fail(id.error().message);
            }
            specs->pop_back();
            if (!specs->empty()) {
                goldSets->build(specs->back().second);
                return;
            }
            QObject::disconnect(*conn);
            m_goldSetsReady = true;
            QTimer::singleShot(kSettleMs, this, &ScreenshotDriver::next);
        });
    goldSets->build(specs->back().second);
}

void ScreenshotDriver::prepareFineTune()
{
    if (!ensureProject())
        return;
    m_workDir = QFileInfo(m_workspace->projectPath()).absolutePath();

    SimulatorServer::Options options;
    options.jobDurationMs = 5000;
    auto *server = new SimulatorServer(options, this);
    if (!server->listen(0).ok())
        return fail(QStringLiteral("cannot start the offline simulator"));
    ProviderProfile profile;
    profile.name = QStringLiteral("Offline simulator");
    profile.kind = ProviderKind::Simulator;
    profile.baseUrl = QUrl(server->baseUrl());
    profile.defaultModel = QStringLiteral("gpt-4o-mini-2024-07-18");
    if (!m_providers->saveProfile(profile).ok())
        return fail(QStringLiteral("cannot save the simulator profile"));

    // Chat examples in the paper's shape: a viewing history in, ten recommendations out.
    static const char *titles[] = {"Toy Story (1995)",  "Heat (1995)",       "Fargo (1996)",         "Alien (1979)",
                                   "Amelie (2001)",     "The Matrix (1999)", "Jurassic Park (1993)", "Se7en (1995)",
                                   "Up (2009)",         "Inception (2010)",  "Goodfellas (1990)",    "Big Fish (2003)",
                                   "Casablanca (1942)", "Psycho (1960)",     "Rocky (1976)",         "Brazil (1985)",
                                   "Jaws (1975)",       "Coco (2017)",       "Memento (2000)",       "Notting Hill (1999)",
                                   "The Thing (1982)",  "Ran (1985)",        "Drive (2011)"};
    constexpr int n = int(std::size(titles));
    const auto write = [&](const QString &file, int first, int count) {
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly))
            return false;
        for (int i = first; i < first + count; ++i) {
            QStringList liked, recommended;
            // Distinct for every i < n * (n - 1): the start varies with i, the stride with i / n.
            const int stride = 1 + (i / n) % (n - 1);
            for (int k = 0; k < 5; ++k)
                liked << QLatin1String(titles[(i + k * stride) % n]);
            for (int k = 0; k < 10; ++k)
                recommended << QStringLiteral("%1. %2").arg(k + 1).arg(QLatin1String(titles[(i + 5 * stride + k * stride) % n]));
            const QString line =
                QStringLiteral(
                    R"({"messages":[{"role":"system","content":"You are a movie recommender."},{"role":"user","content":"I watched and liked: %1. Recommend 10 movies."},{"role":"assistant","content":"%2"}]})")
                    .arg(liked.join(QStringLiteral("; ")), recommended.join(QStringLiteral("\\n")));
            f.write(line.toUtf8() + '\n');
        }
        return true;
    };
    const QString training = m_workDir + QStringLiteral("/training.jsonl");
    const QString validation = m_workDir + QStringLiteral("/validation.jsonl");
    if (!write(training, 0, 120) || !write(validation, 200, 20))
        return fail(QStringLiteral("cannot write the example data to %1").arg(m_workDir));

    FineTuneController *controller = m_fineTune;
    FineTunePage *page = m_fineTunePage;
    controller->setPollInterval(250, 500);
    page->refreshProviders();
    page->setProvider(profile.name);
    page->setTrainingFile(training);
    page->setValidationFile(validation);
    page->setBatchSize(8);
    page->setSuffix(QStringLiteral("movies"));
    connect(
        controller, &FineTuneController::estimateReady, this, [page] { QTimer::singleShot(100, page, &FineTunePage::submit); },
        Qt::SingleShotConnection);
    connect(
        controller, &FineTuneController::checkpointsUpdated, this,
        [this, page](qint64 row) {
            page->selectJob(row);
            page->jobView()->showTab(0);
            m_fineTuneReady = true;
            QTimer::singleShot(kSettleMs, this, &ScreenshotDriver::next);
        },
        Qt::SingleShotConnection);
    connect(controller, &FineTuneController::submissionFinished, this, [this](const Result<StoredJob> &r) {
        if (!r)
            fail(r.error().message);
    });
}

void ScreenshotDriver::preparePlayground()
{
    auto *page = m_window->findChild<PlaygroundPage *>();
    if (!page)
        return skip(QStringLiteral("no playground page"));
    while (page->columns().size() < 2)
        page->addColumn();
    page->columns()[0]->chooser()->setTarget(QStringLiteral("baseline:") + baselineId(BaselineKind::ItemKnn));
    page->columns()[1]->chooser()->setTarget(QStringLiteral("baseline:") + baselineId(BaselineKind::MostPopular));
    // The controller may still be indexing the dataset: try to load the user until it can, then
    // wait for both columns (the first ItemKNN answer builds its table). Polled: no event loop of our own.
    auto *timer = new QTimer(this);
    auto tries = std::make_shared<int>(0);
    auto loaded = std::make_shared<bool>(false);
    connect(timer, &QTimer::timeout, this, [this, page, timer, tries, loaded] {
        if (++*tries > 600) { // 2 minutes
            timer->deleteLater();
            return skip(QStringLiteral("the playground columns did not answer"));
        }
        if (!*loaded) {
            *loaded = page->controller()->isReady() && page->controller()->loadUser(1).ok();
            return;
        }
        const QList<RecommendationColumn *> columns = page->columns();
        for (RecommendationColumn *c : columns) {
            if (c->state() == RecommendationColumn::State::Failed) {
                timer->deleteLater();
                return skip(QStringLiteral("a playground column failed: %1").arg(c->stateText()));
            }
            if (c->state() != RecommendationColumn::State::Done)
                return;
        }
        timer->deleteLater();
        m_playgroundReady = true;
        QTimer::singleShot(kSettleMs, this, &ScreenshotDriver::next);
    });
    timer->start(200);
}

void ScreenshotDriver::prepareResults()
{
    EvaluationController *eval = m_evaluation;
    const QList<StoredGoldSet> sets = eval->goldSets();
    if (sets.isEmpty())
        return skip(QStringLiteral("no gold set for the results"));
    StoredGoldSet gold = sets.first();
    for (const StoredGoldSet &g : sets) {
        if (g.name.startsWith(QLatin1String("profileData50")))
            gold = g;
    }
    RunSpec spec;
    spec.goldSetName = gold.name;
    spec.goldSetId = gold.id;
    spec.split = GoldSetSplit::Test;
    spec.seed = 1;
    QList<std::pair<QString, RunSpec>> runs;
    for (const BaselineKind kind : {BaselineKind::MostPopular, BaselineKind::ItemKnn}) {
        RunSpec b = spec;
        b.target.kind = TargetKind::Baseline;
        b.target.baseline = baselineId(kind);
        runs.append({baselineName(kind), b});
    }
    // The simulator's base model zero-shot and the fine-tuned model of the Fine-tune shot's job:
    // the loss chart shows that job's curves because a run uses its model.
    const QList<ModelChoice> tuned = eval->fineTunedModels();
    if (!tuned.isEmpty()) {
        RunSpec zero = spec;
        zero.target.provider = tuned.first().provider;
        zero.target.model = QStringLiteral("gpt-4o-mini-2024-07-18");
        zero.strategy = PromptStrategyKind::ZeroShot;
        runs.append({QStringLiteral("Zero-shot"), zero});
        RunSpec ft = zero;
        ft.target.model = tuned.first().model;
        ft.strategy = PromptStrategyKind::FineTuned;
        runs.append({QStringLiteral("Fine-tuned"), ft});
    }
    auto pending = std::make_shared<QSet<qint64>>();
    const int expected = static_cast<int>(runs.size());
    ResultsPage *results = m_resultsPage;
    connect(results, &ResultsPage::runsScored, this, [this, results, expected, pending](int scored) {
        if (scored < expected || !pending->isEmpty() || m_resultsReady)
            return;
        m_resultsReady = true;
        results->setPair(static_cast<int>(expected - 1), 0);
        results->tabs()->setCurrentIndex(1); // the charts
        QTimer::singleShot(kSettleMs, this, &ScreenshotDriver::next);
    });
    connect(eval, &EvaluationController::runStopped, this, [this, pending, results](qint64 id, int, const QString &error) {
        if (!pending->remove(id) || m_resultsReady)
            return;
        if (!error.isEmpty())
            return skip(QStringLiteral("a run for the results failed: %1").arg(error));
        if (pending->isEmpty())
            results->refreshRuns();
    });
    for (const auto &[name, s] : runs) {
        const Result<qint64> id = eval->startRun(name, s);
        if (!id)
            return skip(QStringLiteral("run %1 could not start: %2").arg(name, id.error().message));
        if (eval->isActive(id.value()))
            pending->insert(id.value());
    }
    if (pending->isEmpty())
        results->refreshRuns();
}

void ScreenshotDriver::skip(const QString &why)
{
    // Better no new image than a misleading one: the previous file stays.
    std::fprintf(stderr, "screenshots: %s skipped: %s\n", qPrintable(m_shots[m_index].first), qPrintable(why));
    ++m_index;
    QTimer::singleShot(0, this, &ScreenshotDriver::next);
}

void ScreenshotDriver::fail(const QString &message)
{
    std::fprintf(stderr, "screenshots: %s\n", qPrintable(message));
    QCoreApplication::exit(1);
}

} // namespace cinetune::ui
