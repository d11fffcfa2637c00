// libFuzzer target: the parsers of what providers and models send back, and of the files users
// import. Built once per FUZZ_KIND (see tests/fuzz/CMakeLists.txt, PARSER_KINDS):
//   0 provider jobs (job, job list; OpenAI and Together shapes)   1 provider events
//   2 provider checkpoints   3 provider chat completion (and model list, file)
//   4 SSE stream (SseParser + accumulateChatChunk; any chunking gives the same events)
//   5 LLM answer (parseRecommendations + title resolution on a small catalogue)
//   6 predictions JSONL (parse, write back, parse again: the same)   7 chat fine-tuning JSONL validator
//   8 project file (the bytes as a .cinetune file, opened with ProjectFile::open)
//   9 Batch API: batch object, batch list, batch output file (every 200 body through parseChat)
// Every failure must carry a message; nothing may crash, leak or read out of bounds.
#include "core/common/progress.h"
#include "core/dataset/catalogue.h"
#include "core/eval/predictions.h"
#include "core/eval/responseparser.h"
#include "core/eval/titleresolver.h"
#include "core/finetune/chatdatavalidator.h"
#include "core/finetune/tokenizer.h"
#include "core/project/goldsetrepository.h"
#include "core/project/projectfile.h"
#include "core/project/runrepository.h"
#include "core/providers/openaiprotocol.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSet>

#include <cstdint>
#include <cstdlib>
#include <unistd.h>

using namespace cinetune;

namespace {

template<typename R>
void checkResult(const R &r)
{
    if (!r && r.error().message.isEmpty())
        std::abort(); // every failure must say what went wrong
}

const TitleResolver &resolver()
{
    static const Catalogue catalogue = [] {
        Catalogue c;
        const char *const titles[] = {"The Matrix", "Heat", "Amélie", "Toy Story", "Fargo",
                                      "Se7en",      "Up",   "Alien",  "Aliens",    "Brazil"};
        std::uint32_t id = 1;
        for (const char *t : titles) {
            c.add(Movie{id, 1980 + int(id), QString::fromUtf8(t), {}, true});
            ++id;
        }
        return c;
    }();
    static const TitleResolver r(catalogue);
    return r;
}

void sse(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    // The first byte picks the chunk size; the stream must give the same events in one piece.
    const qsizetype step = 1 + static_cast<unsigned char>(bytes[0]) % 17;
    const QByteArray stream = bytes.mid(1);
    SseParser whole;
    const QList<QByteArray> expected = whole.feed(stream);
    SseParser pieces;
    QList<QByteArray> got;
    for (qsizetype i = 0; i < stream.size(); i += step)
        got += pieces.feed(stream.mid(i, step));
    if (got != expected || whole.sawDone() != pieces.sawDone())
        std::abort();
    ChatResult acc;
    for (const QByteArray &data : expected) {
        if (Status s = accumulateChatChunk(data, acc); !s && s.error().message.isEmpty())
            std::abort();
    }
}

void answer(const QByteArray &bytes)
{
    const ParsedResponse parsed = parseRecommendations(QString::fromUtf8(bytes));
    if (!parsed.ok && parsed.reason.isEmpty())
        std::abort();
    for (const ParsedItem &item : parsed.items) {
        const Resolution r = resolver().resolve(item.title, item.year);
        (void)resolutionHow(r);
    }
}

void predictions(const QByteArray &bytes)
{
    auto first = parsePredictionsJsonl(bytes, QStringLiteral("pred.jsonl"));
    checkResult(first);
    if (!first)
        return;
    auto again = parsePredictionsJsonl(predictionsToJsonl(first.value()), QStringLiteral("again.jsonl"));
    if (!again || again->size() != first->size())
        std::abort();
    for (std::size_t i = 0; i < first->size(); ++i) {
        const Prediction &a = first.value()[i];
        const Prediction &b = again.value()[i];
        if (a.user != b.user || a.items != b.items || a.titles != b.titles || a.text != b.text || a.error != b.error)
            std::abort();
    }
}

// Loaded once in LLVMFuzzerInitialize: reading 200,000 ranks under ASan takes seconds, which
// must not count against the first input's timeout.
const Tokenizer &o200k()
{
    static const Tokenizer tokenizer = [] {
        auto t = Tokenizer::o200k();
        if (!t)
            std::abort();
        return std::move(t).value();
    }();
    return tokenizer;
}

void chatJsonl(const QByteArray &bytes)
{
    const Tokenizer &tokenizer = o200k();
    NullProgress progress;
    ValidationOptions options;
    auto report = validateChatJsonl(bytes, QStringLiteral("fuzz.jsonl"), tokenizer, options, progress);
    checkResult(report);
}

void projectFile(const QByteArray &bytes)
{
    static const QString dir = [] {
        const QString d = QDir::tempPath() + QStringLiteral("/cinetune-fuzz-project-%1").arg(::getpid());
        QDir(d).removeRecursively();
        QDir().mkpath(d);
        return d;
    }();
    const QString path = dir + QStringLiteral("/import.cinetune");
    if (!ProjectFile::removeFiles(path))
        std::abort();
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            std::abort();
        f.write(bytes);
    }
    auto project = ProjectFile::open(path);
    checkResult(project);
    if (!project)
        return;
    // Whatever opened must be readable through the repositories without crashing.
    (void)project.value()->integrityCheck();
    (void)project.value()->datasetReference();
    GoldSetRepository golds(*project.value());
    if (auto list = golds.list()) {
        for (const StoredGoldSet &g : list.value())
            checkResult(golds.users(g.id));
    }
    RunRepository runs(*project.value());
    if (auto list = runs.list()) {
        for (const StoredRun &r : list.value())
            checkResult(runs.responses(r.id));
    }
}

void batchOutput(const QByteArray &bytes)
{
    checkResult(openai::parseBatch(bytes));
    checkResult(openai::parseBatchList(bytes));
    const QString label = QStringLiteral("out.jsonl");
    const BatchOutput out = openai::parseBatchOutput(bytes, label);
    // Each non-blank line is either parsed or named as a problem ("<file>:<line>: what"): never both,
    // never lost.
    const QList<QByteArray> rows = bytes.split('\n');
    const qsizetype lines = rows.size();
    QSet<int> nonBlank;
    for (qsizetype i = 0; i < lines; ++i) {
        if (!rows[i].trimmed().isEmpty())
            nonBlank.insert(int(i + 1));
    }
    QSet<int> seen;
    for (const QString &p : out.problems) {
        const QString prefix = label + QLatin1Char(':');
        bool number = false;
        const int line = p.mid(prefix.size()).section(QLatin1Char(':'), 0, 0).toInt(&number);
        if (!p.startsWith(prefix) || !number || !nonBlank.contains(line) || seen.contains(line))
            std::abort();
        seen.insert(line);
    }
    for (const BatchOutputLine &l : out.lines) {
        if (!nonBlank.contains(l.line) || seen.contains(l.line) || l.customId.isEmpty())
            std::abort();
        seen.insert(l.line);
        if (l.statusCode == 200)
            checkResult(openai::parseChat(l.responseBody));
    }
    if (seen != nonBlank)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    // QtSql finds its driver plugins through the application object.
    static QCoreApplication app(*argc, *argv);
    if (FUZZ_KIND == 7)
        (void)o200k();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    switch (FUZZ_KIND) {
    case 0:
        checkResult(openai::parseJob(bytes, ProviderKind::OpenAI));
        checkResult(openai::parseJob(bytes, ProviderKind::Azure));
        checkResult(openai::parseJobList(bytes));
        checkResult(together::parseJob(bytes));
        checkResult(together::parseJobList(bytes));
        break;
    case 1:
        checkResult(openai::parseEvents(bytes));
        checkResult(together::parseEvents(bytes));
        break;
    case 2:
        checkResult(openai::parseCheckpoints(bytes));
        checkResult(together::parseCheckpoints(bytes, QStringLiteral("ft-1")));
        checkResult(together::parseMetrics(bytes));
        break;
    case 3:
        checkResult(openai::parseChat(bytes));
        checkResult(openai::parseModels(bytes));
        checkResult(openai::parseFile(bytes));
        checkResult(together::parseFile(bytes));
        break;
    case 4:
        sse(bytes);
        break;
    case 5:
        answer(bytes);
        break;
    case 6:
        predictions(bytes);
        break;
    case 7:
        chatJsonl(bytes);
        break;
    case 8:
        projectFile(bytes);
        break;
    case 9:
        batchOutput(bytes);
        break;
    default:
        break;
    }
    return 0;
}
