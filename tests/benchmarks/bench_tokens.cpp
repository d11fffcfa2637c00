// Token counting benchmark: `cinetune tokens` (validation + o200k_base token counts + statistics)
// on chat fine-tuning JSONL, next to a same-run reference: reading the file and parsing every line
// with QJsonDocument. Prints figures; never fails on time.
//
//   bench_tokens [FILE.jsonl] [--mb N] [--runs N] [--threads N]
//
// Without FILE it writes N MB (default 64) of paper-style examples (system + user with 10 profile
// titles + assistant with 10 gold titles, from the embedded MovieLens sample) to a temporary file.
// The rank file comes from CINETUNE_TOKENIZER_FILE, the Qt resource or CINETUNE_SOURCE_DIR.
#include "core/common/parallel.h"
#include "core/dataset/datasetloader.h"
#include "core/finetune/chatdatavalidator.h"
#include "core/finetune/chatexample.h"
#include "core/finetune/prompttemplate.h"
#include "core/finetune/tokenizer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <random>
#include <vector>

#include <time.h>

using namespace cinetune;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

double cpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// Median wall seconds and median process CPU seconds (all threads) of `runs` runs.
struct Timing
{
    double wall = 0;
    double cpu = 0;
};

Timing timeRuns(int runs, const std::function<void()> &fn)
{
    std::vector<double> wall, cpu;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        const double c0 = cpuSeconds();
        timer.start();
        fn();
        wall.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e9);
        cpu.push_back(cpuSeconds() - c0);
    }
    return {median(wall), median(cpu)};
}

void row(const char *label, const Timing &t, double mbytes, const QByteArray &note = {})
{
    std::printf("%-52s %8.3f %8.1f %8.3f %8.1f  %s\n", label, t.wall, mbytes / t.wall, t.cpu, mbytes / t.cpu, note.constData());
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

bool writeSynthetic(const QString &path, qint64 targetBytes)
{
    LoadOptions o;
    o.useCache = false;
    NullProgress progress;
    auto ds = loadDataset(QStringLiteral(":sample"), o, progress);
    if (!ds) {
        std::fprintf(stderr, "%s\n", qPrintable(ds.error().message));
        return false;
    }
    const Catalogue &cat = ds.value()->catalogue;
    const PromptTemplate prompt = PromptTemplate::paperDefault();
    std::mt19937_64 rng(1);
    const auto pick = [&](int n) {
        QStringList titles;
        for (int i = 0; i < n; ++i)
            titles << cat.displayTitle(static_cast<std::uint32_t>(rng() % cat.size()));
        return titles;
    };
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    qint64 written = 0;
    while (written < targetBytes) {
        const QByteArray line = chatJsonLine(prompt.render(pick(10), pick(10))) + '\n';
        f.write(line);
        written += line.size();
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    int runs = 3;
    int threads = resolveThreads(0);
    qint64 mb = 64;
    QString file;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--runs") && i + 1 < args.size())
            runs = args[++i].toInt();
        else if (args[i] == QLatin1String("--threads") && i + 1 < args.size())
            threads = args[++i].toInt();
        else if (args[i] == QLatin1String("--mb") && i + 1 < args.size())
            mb = args[++i].toLongLong();
        else
            file = args[i];
    }
    QTemporaryDir tmp;
    if (file.isEmpty()) {
        file = tmp.filePath(QStringLiteral("synthetic.jsonl"));
        if (!writeSynthetic(file, mb << 20))
            return 1;
    }
    QElapsedTimer loadTimer;
    loadTimer.start();
    auto tok = Tokenizer::o200k();
    if (!tok) {
        std::fprintf(stderr, "%s\n", qPrintable(tok.error().message));
        return 1;
    }
    const double loadSeconds = static_cast<double>(loadTimer.nsecsElapsed()) / 1e9;
    const QByteArray bytes = readAll(file);
    const double size = static_cast<double>(bytes.size());
    const double mbytes = size / 1e6;
    const auto lines = bytes.split('\n');
    std::printf("file: %s, %.1f MB, %lld lines, %d runs (median), %d threads available\n", qPrintable(file), mbytes,
                static_cast<long long>(lines.size()), runs, threads);
    std::printf("rank table load + SHA-256 check: %.3f s\n", loadSeconds);

    // Reference: read the file and parse every line with QJsonDocument (one thread).
    const Timing readTime = timeRuns(runs, [&] { (void)readAll(file).size(); });
    qint64 objects = 0;
    const Timing parseTime = timeRuns(runs, [&] {
        objects = 0;
        const QByteArray b = readAll(file);
        qsizetype pos = 0;
        while (pos < b.size()) {
            qsizetype eol = b.indexOf('\n', pos);
            if (eol < 0)
                eol = b.size();
            objects += QJsonDocument::fromJson(QByteArray::fromRawData(b.constData() + pos, eol - pos)).isObject();
            pos = eol + 1;
        }
    });

    // The tokenizer alone, on the message texts (UTF-8 bytes of all contents and roles).
    std::vector<QString> texts;
    qint64 textBytes = 0;
    for (const QByteArray &l : lines) {
        const auto messages = QJsonDocument::fromJson(l).object().value(QLatin1String("messages")).toArray();
        for (const QJsonValue &m : messages) {
            for (const char *key : {"role", "content"}) {
                texts.push_back(m.toObject().value(QLatin1String(key)).toString());
                textBytes += Tokenizer::toUtf8(texts.back()).size();
            }
        }
    }
    std::size_t textTokens = 0;
    const Timing tokTime = timeRuns(runs, [&] {
        textTokens = 0;
        for (const QString &t : texts)
            textTokens += tok->count(t);
    });

    // The whole `cinetune tokens` work: map, parse, validate, count, statistics.
    std::vector<std::pair<int, Timing>> full;
    qint64 tokens1 = -1;
    bool sameForAllThreads = true;
    for (int t : {1, threads}) {
        if (t == threads && threads == 1 && !full.empty())
            break;
        ValidationOptions o;
        o.threads = t;
        qint64 total = 0;
        const Timing s = timeRuns(runs, [&] {
            NullProgress progress;
            auto r = validateChatJsonlFile(file, tok.value(), o, progress);
            total = r ? r->totalTokens : -1;
        });
        if (tokens1 < 0)
            tokens1 = total;
        sameForAllThreads &= total == tokens1;
        full.emplace_back(t, s);
    }

    std::printf("\n%-52s %8s %8s %8s %8s\n", "step", "wall s", "MB/s", "CPU s", "MB/CPU-s");
    row("reference: read file", readTime, mbytes);
    row("reference: read + QJsonDocument::fromJson per line", parseTime, mbytes);
    row("tokenizer only: count(role), count(content)", tokTime, static_cast<double>(textBytes) / 1e6,
        QByteArray::number(static_cast<double>(textBytes) / 1e6, 'f', 1) + " MB of message text, "
            + QByteArray::number(static_cast<qulonglong>(textTokens)) + " tokens");
    for (const auto &[t, timing] : full) {
        const QByteArray label = "validate + count (cinetune tokens), " + QByteArray::number(t) + " thread" + (t > 1 ? "s" : "");
        row(label.constData(), timing, mbytes,
            QByteArray::number(timing.wall / parseTime.wall, 'f', 2) + "x the parse reference's wall time");
    }
    std::printf("\nobjects parsed: %lld; total example tokens: %lld; same for every thread count: %s\n",
                static_cast<long long>(objects), static_cast<long long>(tokens1), sameForAllThreads ? "yes" : "NO");
    return sameForAllThreads ? 0 : 1;
}
