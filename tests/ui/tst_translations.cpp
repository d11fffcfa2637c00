// Translations: language selection, the embedded German catalogue (loads, translates, complete)
// and Qt's own German strings.
#include "uitest.h"

#include "ui/shell/appsettings.h"
#include "core/eval/baselines.h"
#include "core/eval/runspec.h"
#include "core/finetune/prompttemplate.h"
#include "core/goldset/goldset.h"
#include "core/goldset/goldsetspec.h"
#include "core/dataset/dataset.h"
#include "core/providers/openaiprotocol.h"
#include "core/providers/providererrors.h"
#include "core/results/resultstable.h"
#include "ui/shell/steps.h"
#include "ui/shell/translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QLibraryInfo>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

using namespace cinetune;
using namespace cinetune::ui;

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void effectiveLanguage_data();
    void effectiveLanguage();
    void germanTranslates_data();
    void germanTranslates();
    void englishRestoresSource();
    void coreMessagesTranslate();
    void coreNamesTranslate();
    void catalogueIsComplete();
    void oneTermPerConcept_data();
    void oneTermPerConcept();
    void stepNamesAgree();
    void loadNotesFollowTheLanguage();
};

void TestTranslations::initTestCase()
{
    uitest::prepare();
}

void TestTranslations::cleanupTestCase()
{
    installTranslators(*QCoreApplication::instance(), QStringLiteral("en"));
}

void TestTranslations::effectiveLanguage_data()
{
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QString>("system");
    QTest::addColumn<QString>("expected");
    QTest::newRow("system german") << ""
                                   << "de_DE"
                                   << "de";
    QTest::newRow("system austrian german") << ""
                                            << "de_AT"
                                            << "de";
    QTest::newRow("system english") << ""
                                    << "en_GB"
                                    << "en";
    QTest::newRow("system french falls back") << ""
                                              << "fr_FR"
                                              << "en";
    QTest::newRow("setting wins") << "de"
                                  << "en_US"
                                  << "de";
    QTest::newRow("english setting") << "en"
                                     << "de_DE"
                                     << "en";
    QTest::newRow("unknown setting") << "xx"
                                     << "de_CH"
                                     << "de";
}

void TestTranslations::effectiveLanguage()
{
    QFETCH(QString, setting);
    QFETCH(QString, system);
    QFETCH(QString, expected);
    QCOMPARE(ui::effectiveLanguage(setting, QLocale(system)), expected);
}

void TestTranslations::germanTranslates_data()
{
    QTest::addColumn<QByteArray>("context");
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("german");
    QTest::newRow("menu") << QByteArray("cinetune::ui::MainWindow") << QByteArray("&File") << "&Datei";
    QTest::newRow("figure") << QByteArray("cinetune::ui::DatasetPage") << QByteArray("Ratings") << "Bewertungen";
    QTest::newRow("placeholder") << QByteArray("cinetune::ui::PlaceholderPage") << QByteArray("Not available yet")
                                 << "Noch nicht verfügbar";
    // Core messages the UI shows come from the same catalogue.
    QTest::newRow("core parse error") << QByteArray("cinetune") << QByteArray("%1:%2: expected %3, found %4")
                                      << "%1:%2: erwartet wurde %3, gefunden %4";
    QTest::newRow("core project error") << QByteArray("cinetune::ProjectFile")
                                        << QByteArray("Could not open “%1”: the file does not exist.")
                                        << "„%1“ konnte nicht geöffnet werden: Die Datei existiert nicht.";
}

void TestTranslations::germanTranslates()
{
    QFETCH(QByteArray, context);
    QFETCH(QByteArray, source);
    QFETCH(QString, german);
    QVERIFY(installTranslators(*QCoreApplication::instance(), QStringLiteral("de")));
    QCOMPARE(QCoreApplication::translate(context.constData(), source.constData()), german);
    QCOMPARE(stepTitle(Step::GoldSet), QStringLiteral("Goldstandard"));
    QCOMPARE(QLocale().language(), QLocale::German);
    // Qt's own strings (qtbase_de) when the system has them.
    const QString qtCancel = QCoreApplication::translate("QPlatformTheme", "Cancel");
    if (QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_de.qm")))
        QCOMPARE(qtCancel, QStringLiteral("Abbrechen"));
}

void TestTranslations::englishRestoresSource()
{
    QVERIFY(installTranslators(*QCoreApplication::instance(), QStringLiteral("de")));
    QVERIFY(installTranslators(*QCoreApplication::instance(), QStringLiteral("en")));
    QCOMPARE(QCoreApplication::translate("cinetune::ui::MainWindow", "&File"), QStringLiteral("&File"));
    QCOMPARE(stepTitle(Step::GoldSet), QStringLiteral("Gold set"));
}

// Core's gold-set and prompt-template messages reach the UI in German: the context they are looked
// up in at run time is the one lupdate extracted them under.
void TestTranslations::coreMessagesTranslate()
{
    QVERIFY(installTranslators(*QCoreApplication::instance(), QStringLiteral("de")));
    GoldSetSpec spec = GoldSetSpec::paper50();
    spec.watchFactor = 0;
    QCOMPARE(spec.validate().error().message, QStringLiteral("Sehfaktor W (%) muss zwischen 1 und 100 liegen, gefunden: 0"));
    spec = GoldSetSpec::paper50();
    spec.minMatches = 11;
    QCOMPARE(spec.validate().error().message,
             QStringLiteral("Mindesttreffer M muss zwischen 1 und der Profilgröße 10 liegen, gefunden: 11"));
    QCOMPARE(dropReasonText(GoldDropReason::NoNeighbours, GoldSetSpec::paper50()),
             QStringLiteral("kein anderer Nutzer hat einen Profilfilm bewertet (Bewertung: 5 Sterne oder mehr)"));
    QCOMPARE(QCoreApplication::translate("cinetune::GoldSetBuilder", "no user has %1 ratings of 5 stars"),
             QStringLiteral("kein Nutzer hat %1 Bewertungen mit 5 Sternen"));
    PromptTemplate prompt = PromptTemplate::paperDefault();
    prompt.user = QStringLiteral("{profile} {movies}");
    QCOMPARE(prompt.validate().error().message,
             QStringLiteral("Prompt-Vorlage, Nutzertext: unbekannter Platzhalter {movies} (bekannt: {profile}, {profile_count}, "
                            "{count}, {gold})"));
    QVERIFY(installTranslators(*QCoreApplication::instance(), QStringLiteral("en")));
    QCOMPARE(
        prompt.validate().error().message,
        QStringLiteral(
            "Prompt template, user text: unknown placeholder {movies} (known: {profile}, {profile_count}, {count}, {gold})"));
}

// Names core shows in the UI (baselines, metrics, run-spec fields) and messages of free functions
// and nested namespaces reach the UI in German: each is looked up at run time in the context lupdate
// extracted it under (core/common/tr.h).
void TestTranslations::coreNamesTranslate()
{
    QVERIFY(installTranslators(*QCoreApplication::instance(), QStringLiteral("de")));
    QCOMPARE(baselineName(BaselineKind::Random), QStringLiteral("Zufällig"));
    QCOMPARE(baselineName(BaselineKind::MostPopular), QStringLiteral("Populärste Filme"));
    QCOMPARE(baselineName(BaselineKind::NeighbourConsensus), QStringLiteral("Nachbarschaftskonsens"));
    QCOMPARE(metricLabel(QStringLiteral("hallucination_rate")), QStringLiteral("Halluzinationsrate"));

    RunSpec run;
    QCOMPARE(run.validate().error().message, QStringLiteral("Der Lauf braucht einen Anbieter und ein Modell."));
    run.target.provider = QStringLiteral("openai");
    run.target.model = QStringLiteral("gpt-4o-mini");
    run.goldSetName = QStringLiteral("paper50");
    run.maxTokens = 0;
    QCOMPARE(run.validate().error().message, QStringLiteral("Max. Tokens muss zwischen 1 und 100000 liegen, gefunden: 0"));

    // cinetune::openai's and cinetune::protocol's own tr().
    const auto file = openai::parseFile(QByteArrayLiteral("<html><title>502 Bad Gateway</title></html>"));
    QVERIFY(!file);
    QCOMPARE(
        file.error().message,
        QStringLiteral("Der Anbieter hat für die hochgeladene Datei eine unerwartete Antwort gesendet: eine HTML-Seite statt "
                       "des JSON der API (prüfen Sie die Basis-URL: Sie endet meist auf /v1)."));
    // A free function's message in namespace cinetune (cinetune::tr()).
    HttpResponse unauthorized;
    unauthorized.status = 401;
    const QString keyError = mapHttpError(ProviderKind::OpenAI, ProviderOperation::Upload, unauthorized).message;
    QVERIFY2(keyError.contains(QStringLiteral("beim Hochladen der Datei")) && keyError.contains(QStringLiteral("API-Schlüssel")),
             qPrintable(keyError));
    QVERIFY(installTranslators(*QCoreApplication::instance(), QStringLiteral("en")));
    QCOMPARE(baselineName(BaselineKind::MostPopular), QStringLiteral("Most popular"));
}

void TestTranslations::catalogueIsComplete()
{
    QFile ts(uitest::sourceDir() + QStringLiteral("/translations/cinetune_de.ts"));
    QVERIFY(ts.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&ts);
    int messages = 0;
    QStringList missing;
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            ++messages;
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (type == QLatin1String("unfinished") || type == QLatin1String("vanished") || type == QLatin1String("obsolete")
                || text.trimmed().isEmpty())
                missing << source;
        }
    }
    QVERIFY(!xml.hasError());
    QVERIFY(messages > 100);
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(" | "))));
}

// The glossary (docs/TRANSLATIONS.md): one German term per concept. A variant anywhere in the
// catalogue's translations fails, naming the message.
void TestTranslations::oneTermPerConcept_data()
{
    QTest::addColumn<QString>("forbidden"); // a regular expression over a translation
    QTest::addColumn<QString>("term");      // what the glossary says instead
    QTest::newRow("gold set") << "Gold-?[Ss]ets?"
                              << "Goldstandard";
    QTest::newRow("seed") << "\\bSeeds?\\b"
                          << "Startwert";
    QTest::newRow("evaluate") << "Evaluier|Evaluation"
                              << "Auswertung";
    QTest::newRow("job") << "\\bJobs?\\b"
                         << "Auftrag";
    QTest::newRow("split") << "\\bSplits?\\b"
                           << "Aufteilung";
    QTest::newRow("deployment") << "\\bDeployments?\\b"
                                << "Bereitstellung";
    QTest::newRow("fine-tuning") << "Fine-?[Tt]uning"
                                 << "Feinabstimmung";
    QTest::newRow("provider") << "\\bProvider\\b"
                              << "Anbieter";
}

void TestTranslations::oneTermPerConcept()
{
    QFETCH(QString, forbidden);
    QFETCH(QString, term);
    const QRegularExpression pattern(forbidden);
    QVERIFY(pattern.isValid());
    QFile ts(uitest::sourceDir() + QStringLiteral("/translations/cinetune_de.ts"));
    QVERIFY(ts.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&ts);
    QStringList offending;
    int translations = 0;
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            ++translations;
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (pattern.match(text).hasMatch())
                offending << QStringLiteral("“%1” → “%2”").arg(source, text.simplified());
        }
    }
    QVERIFY(!xml.hasError());
    QVERIFY(translations > 100);
    QVERIFY2(offending.isEmpty(), qPrintable(QStringLiteral("use “%1”: ").arg(term) + offending.join(QStringLiteral(" | "))));
}

// The sidebar and the page of a step say the same word.
void TestTranslations::stepNamesAgree()
{
    QVERIFY(installTranslators(*QCoreApplication::instance(), QStringLiteral("de")));
    QCOMPARE(stepTitle(Step::Evaluate), QStringLiteral("Auswertung"));
    QCOMPARE(QCoreApplication::translate("cinetune::ui::EvaluatePage", "Evaluate"), stepTitle(Step::Evaluate));
    QCOMPARE(stepTitle(Step::GoldSet), QStringLiteral("Goldstandard"));
    QVERIFY(installTranslators(*QCoreApplication::instance(), QStringLiteral("en")));
}

// A dataset's load notes are kept language-neutral (the binary cache stores them so) and read in
// the language shown when they are read.
void TestTranslations::loadNotesFollowTheLanguage()
{
    const LoadNote note{QStringLiteral("%1 lines end in CRLF (accepted)."), -1, {QStringLiteral("3")}};
    QCOMPARE(note.text(), QStringLiteral("3 lines end in CRLF (accepted)."));
    QVERIFY(installTranslators(*QCoreApplication::instance(), QStringLiteral("de")));
    const QString german = note.text();
    QVERIFY2(german.startsWith(QLatin1String("3 ")) && german.contains(QLatin1String("CRLF")) && german != note.source.arg(3),
             qPrintable(german));
    const LoadNote plural{QStringLiteral("%1: %n duplicate movie ID(s); the first title was kept"), 2, {QStringLiteral("t.csv")}};
    QCOMPARE(plural.text(), QStringLiteral("t.csv: 2 doppelte Film-IDs; der jeweils erste Titel wurde behalten"));
    const LoadNote verbatim{QString(), -1, {QStringLiteral("as it is")}};
    QCOMPARE(verbatim.text(), QStringLiteral("as it is"));
    QVERIFY(installTranslators(*QCoreApplication::instance(), QStringLiteral("en")));
    QCOMPARE(loadNoteTexts({note}), QStringList{QStringLiteral("3 lines end in CRLF (accepted).")});
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
