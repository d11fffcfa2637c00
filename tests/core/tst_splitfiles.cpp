// Writing a gold set's training and validation splits as chat fine-tuning JSONL (what the Gold
// set page's export and the Fine-tune page's picker do): file names, which splits get a file,
// strict vs counted validator errors, unwritable folders, and safe file stems.
#include "core/common/progress.h"
#include "core/dataset/catalogue.h"
#include "core/finetune/prompttemplate.h"
#include "core/finetune/splitfiles.h"
#include "core/finetune/tokenizer.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace cinetune;

namespace {

Catalogue catalogue()
{
    Catalogue c;
    for (std::uint32_t id = 1; id <= 20; ++id)
        c.add(Movie{id, 1990 + int(id), QStringLiteral("Movie %1").arg(id), QStringLiteral("Movie %1").arg(id), true});
    return c;
}

std::vector<GoldSetUser> users(int train, int validation, int test)
{
    std::vector<GoldSetUser> out;
    std::uint32_t id = 100;
    const auto add = [&](int n, GoldSetSplit split) {
        for (int i = 0; i < n; ++i) {
            GoldSetUser u;
            u.user = id++;
            u.profile = {1, 2, 3, 4, 5};
            u.gold = {6, 7, 8};
            u.split = split;
            out.push_back(u);
        }
    };
    add(train, GoldSetSplit::Train);
    add(validation, GoldSetSplit::Validation);
    add(test, GoldSetSplit::Test);
    return out;
}

qint64 lines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    return f.readAll().count('\n');
}

} // namespace

class TestSplitFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fileStem_data();
    void fileStem();
    void write_data();
    void write();
    void unwritableFolder();

private:
    std::optional<Tokenizer> m_tokenizer;
};

void TestSplitFiles::initTestCase()
{
    const Result<Tokenizer> &t = Tokenizer::o200k();
    QVERIFY2(t.ok(), qPrintable(t ? QString() : t.error().message));
    m_tokenizer = t.value();
}

void TestSplitFiles::fileStem_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("stem");
    QTest::newRow("plain") << "paper50 (2)"
                           << "paper50 (2)";
    QTest::newRow("separators") << "a/b\\c:d"
                                << "a_b_c_d";
    QTest::newRow("trimmed") << "  set  "
                             << "set";
    QTest::newRow("non-ASCII letters become _ too") << "Goldstandard für Ü"
                                                    << "Goldstandard f_r _";
    QTest::newRow("empty") << ""
                           << "gold-set";
    QTest::newRow("only spaces") << "   "
                                 << "gold-set";
}

void TestSplitFiles::fileStem()
{
    QFETCH(QString, name);
    QFETCH(QString, stem);
    QCOMPARE(goldSetFileStem(name), stem);
}

void TestSplitFiles::write_data()
{
    QTest::addColumn<int>("train");
    QTest::addColumn<int>("validation");
    QTest::addColumn<int>("test");
    QTest::addColumn<bool>("strict");
    QTest::addColumn<QString>("errorCode"); // empty: written
    QTest::addColumn<bool>("someErrors");

    QTest::newRow("train and validation") << 12 << 3 << 4 << false << "" << false;
    QTest::newRow("train and validation, strict") << 12 << 3 << 4 << true << "" << false;
    QTest::newRow("no validation users: no validation file") << 11 << 0 << 2 << false << "" << false;
    QTest::newRow("too few training examples are counted") << 3 << 1 << 0 << false << "" << true;
    QTest::newRow("too few training examples, strict: refused") << 3 << 1 << 0 << true << "finetune.validation_failed" << false;
}

void TestSplitFiles::write()
{
    QFETCH(int, train);
    QFETCH(int, validation);
    QFETCH(int, test);
    QFETCH(bool, strict);
    QFETCH(QString, errorCode);
    QFETCH(bool, someErrors);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath(QStringLiteral("new/sub folder")); // created on the way
    const Catalogue c = catalogue();
    NullProgress progress;
    const Result<FineTuneFiles> files = writeFineTuneSplits(users(train, validation, test), QStringLiteral("g"), c,
                                                            PromptTemplate::paperDefault(), folder, QStringLiteral("my set"),
                                                            strict, *m_tokenizer, progress);
    if (!errorCode.isEmpty()) {
        QVERIFY(!files.ok());
        QCOMPARE(files.error().code.id(), errorCode);
        QVERIFY(!QFile::exists(QDir(folder).filePath(QStringLiteral("my set.train.jsonl"))));
        return;
    }
    QVERIFY2(files.ok(), qPrintable(files ? QString() : files.error().message));
    QCOMPARE(files->training, QDir(folder).filePath(QStringLiteral("my set.train.jsonl")));
    QCOMPARE(files->trainingExamples, qint64(train));
    QCOMPARE(lines(files->training), qint64(train));
    QCOMPARE(files->errors > 0, someErrors);
    if (validation == 0) {
        QVERIFY(files->validation.isEmpty());
        QVERIFY(!QFile::exists(QDir(folder).filePath(QStringLiteral("my set.validation.jsonl"))));
    } else {
        QCOMPARE(files->validation, QDir(folder).filePath(QStringLiteral("my set.validation.jsonl")));
        QCOMPARE(files->validationExamples, qint64(validation));
        QCOMPARE(lines(files->validation), qint64(validation));
    }
    // Test users are never written.
    QCOMPARE(QDir(folder).entryList(QDir::Files).size(), validation == 0 ? 1 : 2);
}

void TestSplitFiles::unwritableFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile blocker(dir.filePath(QStringLiteral("file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    NullProgress progress;
    const Result<FineTuneFiles> files = writeFineTuneSplits(
        users(12, 0, 0), QStringLiteral("g"), catalogue(), PromptTemplate::paperDefault(),
        dir.filePath(QStringLiteral("file/below")), QStringLiteral("s"), false, *m_tokenizer, progress);
    QVERIFY(!files.ok());
    QCOMPARE(files.error().code, ErrorCode(errc::General::WriteFailed));
    QVERIFY(files.error().message.contains(QStringLiteral("below")));
}

QTEST_GUILESS_MAIN(TestSplitFiles)
#include "tst_splitfiles.moc"
