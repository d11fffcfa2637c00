#include "core/finetune/chatdatavalidator.h"

#include "core/common/parallel.h"
#include "core/finetune/jsonlinedocument.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QLocale>

#include <atomic>
#include <cstring>

namespace cinetune {

namespace {

// The context lupdate sees for ChatDataValidatorText::tr() (a free ChatDataValidatorText::tr() inside a member function would be
// extracted under that class's name instead).
class ChatDataValidatorText
{
    Q_DECLARE_TR_FUNCTIONS(cinetune::ChatDataValidator)
};

QString num(qint64 n)
{
    return QLocale::c().toString(n);
}

// What one line contributed.
struct LineResult
{
    qint64 line = 0;
    bool blank = false;
    bool counted = false; // an example with a messages list: `tokens` is valid
    bool missingSystem = false;
    bool missingUser = false;
    ExampleTokens tokens;
    QByteArray key; // digest of the messages, for duplicates
    QList<DataIssue> issues;
};

struct Chunk
{
    qsizetype begin = 0;
    qsizetype end = 0;
    qint64 firstLine = 1;
};

using Json = JsonLineDocument;

QString typeName(Json::Type t)
{
    switch (t) {
    case Json::Type::Null:
        return QStringLiteral("null");
    case Json::Type::False:
    case Json::Type::True:
        return ChatDataValidatorText::tr("a boolean");
    case Json::Type::Number:
        return ChatDataValidatorText::tr("a number");
    case Json::Type::String:
        return ChatDataValidatorText::tr("a string");
    case Json::Type::Array:
        return ChatDataValidatorText::tr("a list");
    case Json::Type::Object:
        return ChatDataValidatorText::tr("an object");
    }
    return {};
}

QString qstr(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

class LineChecker
{
public:
    LineChecker(const Tokenizer &tokenizer, const QString &source, const ValidationOptions &options)
        : m_tok(tokenizer)
        , m_source(source)
        , m_options(options)
    {}

    LineResult check(QByteArrayView line, qint64 lineNo, Json &doc) const
    {
        LineResult r;
        r.line = lineNo;
        if (line.endsWith('\r'))
            line.chop(1);
        if (lineNo == 1 && line.startsWith("\xEF\xBB\xBF")) {
            line = line.sliced(3);
            warn(r, QStringLiteral("byte_order_mark"),
                 ChatDataValidatorText::tr("the file starts with a byte order mark; it is ignored"));
        }
        if (line.trimmed().isEmpty()) {
            r.blank = true;
            warn(r, QStringLiteral("blank_line"),
                 ChatDataValidatorText::tr("blank line ignored; every line should be one JSON object"));
            return r;
        }
        const std::string_view text(line.data(), static_cast<std::size_t>(line.size()));
        if (!doc.parse(text)) {
            // Column in characters (UTF-8 lead bytes before the offset), 1-based.
            qint64 column = 1;
            for (std::size_t i = 0; i < doc.errorOffset() && i < text.size(); ++i)
                column += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
            r.issues.append(DataIssue{DataIssue::Severity::Error, QStringLiteral("invalid_json"), lineNo,
                                      QStringLiteral("%1:%2:%3: %4")
                                          .arg(m_source, QString::number(lineNo), QString::number(column),
                                               ChatDataValidatorText::tr("invalid JSON: %1").arg(doc.errorMessage()))});
            return r;
        }
        if (doc.node(Json::root).type != Json::Type::Object) {
            error(r, QStringLiteral("data_type"),
                  ChatDataValidatorText::tr("expected a JSON object, found %1").arg(typeName(doc.node(Json::root).type)));
            return r;
        }
        checkExample(doc, r);
        return r;
    }

private:
    void add(LineResult &r, DataIssue::Severity s, const QString &kind, const QString &what) const
    {
        r.issues.append(DataIssue{s, kind, r.line, QStringLiteral("%1:%2: %3").arg(m_source, QString::number(r.line), what)});
    }
    void error(LineResult &r, const QString &kind, const QString &what) const { add(r, DataIssue::Severity::Error, kind, what); }
    void warn(LineResult &r, const QString &kind, const QString &what) const { add(r, DataIssue::Severity::Warning, kind, what); }

    qint64 count(std::string_view utf8) const { return static_cast<qint64>(m_tok.countUtf8(utf8)); }

    // Tokens of a value: strings as text; objects and lists (function_call) as their compact JSON
    // text, an approximation; numbers (weight), booleans and null add nothing.
    qint64 valueTokens(const Json &doc, std::uint32_t v) const
    {
        switch (doc.node(v).type) {
        case Json::Type::String:
            return count(doc.string(v));
        case Json::Type::Array:
        case Json::Type::Object: {
            const QByteArray json = doc.compact(v);
            return count(std::string_view(json.constData(), static_cast<std::size_t>(json.size())));
        }
        default:
            return 0;
        }
    }

    static bool allowedKey(std::string_view k)
    {
        return k == "role" || k == "content" || k == "name" || k == "function_call" || k == "weight";
    }

    void checkMessage(const Json &doc, std::uint32_t m, std::uint32_t i, LineResult &r, QCryptographicHash &digest,
                      bool &hasAssistant, bool &hasSystem, bool &hasUser) const
    {
        const auto where = [i] { return QStringLiteral("messages[%1]:").arg(i); };
        const std::uint32_t role = doc.member(m, "role");
        const std::uint32_t content = doc.member(m, "content");
        if (role == Json::npos || content == Json::npos) {
            QStringList missing;
            if (role == Json::npos)
                missing << QStringLiteral("\"role\"");
            if (content == Json::npos)
                missing << QStringLiteral("\"content\"");
            error(r, QStringLiteral("message_missing_key"),
                  ChatDataValidatorText::tr("%1 missing %2").arg(where(), missing.join(ChatDataValidatorText::tr(" and "))));
        }
        const bool roleIsString = role != Json::npos && doc.node(role).type == Json::Type::String;
        const std::string_view roleText = roleIsString ? doc.string(role) : std::string_view();
        const bool isAssistant = roleText == "assistant";
        const bool isSystem = roleText == "system";
        const bool isUser = roleText == "user";
        if (!(isAssistant || isSystem || isUser || roleText == "function"))
            error(r, QStringLiteral("unrecognized_role"),
                  ChatDataValidatorText::tr("%1 unrecognized role %2 (expected system, user, assistant or function)")
                      .arg(where(),
                           role == Json::npos ? ChatDataValidatorText::tr("(none)")
                               : roleIsString ? QStringLiteral("\"%1\"").arg(qstr(roleText))
                                              : typeName(doc.node(role).type)));
        // The notebook: (not content and not function_call) or not isinstance(content, str)
        const bool contentIsString = content != Json::npos && doc.node(content).type == Json::Type::String;
        const std::uint32_t functionCall = doc.member(m, "function_call");
        if (!contentIsString || (doc.node(content).textSize == 0 && (functionCall == Json::npos || !doc.truthy(functionCall))))
            error(r, QStringLiteral("missing_content"),
                  contentIsString || content == Json::npos || doc.node(content).type == Json::Type::Null
                      ? ChatDataValidatorText::tr("%1 the content is missing or empty").arg(where())
                      : ChatDataValidatorText::tr("%1 the content must be a string, found %2")
                            .arg(where(), typeName(doc.node(content).type)));
        hasAssistant |= isAssistant;
        hasSystem |= isSystem;
        hasUser |= isUser;

        // num_tokens_from_messages: 3 per message, every value encoded, 1 more for a name.
        ExampleTokens &t = r.tokens;
        qint64 n = notebook::tokensPerMessage;
        QStringList unknown;
        const Json::Node &node = doc.node(m);
        for (std::uint32_t k = m + 1; k < node.end; k = doc.next(k)) {
            const std::string_view key = doc.key(k);
            if (doc.member(m, key) != k)
                continue; // a repeated key: the last one counts (as in Python's dict)
            const qint64 tokens = valueTokens(doc, k);
            n += tokens;
            if (key == "name")
                n += notebook::tokensPerName;
            else if (key == "content" && isAssistant && contentIsString)
                t.assistantTokens += tokens;
            else if (key == "weight") {
                const Json::Node &w = doc.node(k);
                if (w.type != Json::Type::Number || (w.number != 0 && w.number != 1))
                    error(r, QStringLiteral("invalid_weight"),
                          ChatDataValidatorText::tr("%1 \"weight\" must be 0 or 1").arg(where()));
                else if (!isAssistant)
                    warn(r, QStringLiteral("invalid_weight"),
                         ChatDataValidatorText::tr("%1 \"weight\" only applies to assistant messages").arg(where()));
            } else if (!allowedKey(key)) {
                unknown << QStringLiteral("\"%1\"").arg(qstr(key));
            }
        }
        if (!unknown.isEmpty())
            error(r, QStringLiteral("message_unrecognized_key"),
                  ChatDataValidatorText::tr("%1 unrecognized key %2 (expected role, content, name, function_call or weight)")
                      .arg(where(), unknown.join(QStringLiteral(", "))));
        t.tokens += n;
        if (!isAssistant)
            t.promptTokens += n;

        // The duplicate key: role, name and content of every message.
        const auto addText = [&](std::uint32_t v) {
            if (v == Json::npos)
                return;
            if (doc.node(v).type == Json::Type::String) {
                const std::string_view s = doc.string(v);
                digest.addData(QByteArrayView(s.data(), static_cast<qsizetype>(s.size())));
            } else {
                digest.addData(doc.compact(v));
            }
        };
        addText(role);
        digest.addData(QByteArrayView("\x1F", 1));
        addText(doc.member(m, "name"));
        digest.addData(QByteArrayView("\x1F", 1));
        addText(content);
        digest.addData(QByteArrayView("\x1E", 1));
    }

    void checkExample(const Json &doc, LineResult &r) const
    {
        const std::uint32_t messages = doc.member(Json::root, "messages");
        if (messages == Json::npos || doc.node(messages).type == Json::Type::Null) {
            error(r, QStringLiteral("missing_messages_list"), ChatDataValidatorText::tr("no \"messages\" list"));
            return;
        }
        if (doc.node(messages).type != Json::Type::Array) {
            error(r, QStringLiteral("missing_messages_list"), ChatDataValidatorText::tr("\"messages\" is not a list"));
            return;
        }
        if (doc.node(messages).count == 0) {
            error(r, QStringLiteral("missing_messages_list"), ChatDataValidatorText::tr("the \"messages\" list is empty"));
            return;
        }
        QCryptographicHash digest(QCryptographicHash::Md5);
        ExampleTokens &t = r.tokens;
        t.line = r.line;
        t.messages = static_cast<int>(doc.node(messages).count);
        bool hasAssistant = false, hasSystem = false, hasUser = false;
        std::uint32_t i = 0;
        for (std::uint32_t m = messages + 1; m < doc.node(messages).end; m = doc.next(m), ++i) {
            if (doc.node(m).type != Json::Type::Object) {
                error(r, QStringLiteral("message_data_type"),
                      ChatDataValidatorText::tr("messages[%1]: expected an object, found %2")
                          .arg(i)
                          .arg(typeName(doc.node(m).type)));
                continue;
            }
            checkMessage(doc, m, i, r, digest, hasAssistant, hasSystem, hasUser);
        }
        t.tokens += notebook::replyPrimingTokens;
        t.promptTokens += notebook::replyPrimingTokens;
        if (!hasAssistant)
            error(r, QStringLiteral("example_missing_assistant_message"), ChatDataValidatorText::tr("no assistant message"));
        r.missingSystem = !hasSystem;
        r.missingUser = !hasUser;
        r.counted = true;
        r.key = digest.result();
        if (t.tokens > m_options.contextTokens)
            error(r, QStringLiteral("over_context"),
                  ChatDataValidatorText::tr("%1 tokens, more than the model's context of %2 tokens")
                      .arg(num(t.tokens), num(m_options.contextTokens)));
        else if (t.tokens > m_options.maxTokensPerExample)
            warn(r, QStringLiteral("over_length"),
                 ChatDataValidatorText::tr("%1 tokens, more than %2 per training example: the end will be truncated")
                     .arg(num(t.tokens), num(m_options.maxTokensPerExample)));
    }

    const Tokenizer &m_tok;
    const QString &m_source;
    const ValidationOptions &m_options;
};

std::vector<Chunk> splitChunks(const QByteArray &bytes, qsizetype target)
{
    std::vector<Chunk> chunks;
    qsizetype pos = 0;
    qint64 line = 1;
    const char *data = bytes.constData();
    while (pos < bytes.size()) {
        qsizetype end = std::min(bytes.size(), pos + target);
        if (end < bytes.size()) {
            const void *nl = std::memchr(data + end, '\n', static_cast<std::size_t>(bytes.size() - end));
            end = nl ? static_cast<const char *>(nl) - data + 1 : bytes.size();
        }
        chunks.push_back(Chunk{pos, end, line});
        for (const char *p = data + pos;
             (p = static_cast<const char *>(std::memchr(p, '\n', static_cast<std::size_t>(data + end - p)))); ++p)
            ++line;
        pos = end;
    }
    return chunks;
}

} // namespace

Result<ChatDataReport> validateChatJsonl(const QByteArray &bytes, const QString &source, const Tokenizer &tokenizer,
                                         const ValidationOptions &options, Progress &progress)
{
    const std::vector<Chunk> chunks = splitChunks(bytes, qsizetype{1} << 18);
    std::vector<std::vector<LineResult>> results(chunks.size());
    const LineChecker checker(tokenizer, source, options);
    std::atomic<std::size_t> done{0};
    parallelFor(resolveThreads(options.threads), chunks.size(), [&](std::size_t c, int) {
        if (progress.canceled())
            return;
        const Chunk &chunk = chunks[c];
        JsonLineDocument doc;
        qint64 lineNo = chunk.firstLine;
        for (qsizetype pos = chunk.begin; pos < chunk.end; ++lineNo) {
            qsizetype eol = bytes.indexOf('\n', pos);
            if (eol < 0 || eol > chunk.end)
                eol = chunk.end;
            results[c].push_back(checker.check(QByteArrayView(bytes).sliced(pos, eol - pos), lineNo, doc));
            pos = eol + 1;
        }
        const std::size_t n = ++done;
        progress.report(static_cast<double>(n) / static_cast<double>(chunks.size()),
                        ChatDataValidatorText::tr("Checking fine-tuning data"));
    });
    if (progress.canceled())
        return makeError(errc::General::Cancelled, ChatDataValidatorText::tr("Canceled"));

    ChatDataReport rep;
    rep.source = source;
    rep.model = options.price.model;
    rep.price = options.price;
    rep.maxTokensPerExample = options.maxTokensPerExample;
    rep.contextTokens = options.contextTokens;
    rep.billingCapTokens = options.billingCapTokens;
    QHash<QByteArray, qint64> firstLineOf;
    QHash<QString, int> listed;
    qint64 firstMissingSystem = 0, firstMissingUser = 0;
    const auto addIssue = [&](const DataIssue &issue) {
        auto &counts = issue.severity == DataIssue::Severity::Error ? rep.errorCounts : rep.warningCounts;
        ++counts[issue.kind];
        const QString key = issue.kind
            + (issue.severity == DataIssue::Severity::Error ? QLatin1String("/e") : QLatin1String("/w"));
        if (listed[key]++ < options.maxIssuesPerKind)
            rep.issues.append(issue);
    };
    std::vector<qint64> messages, tokens, assistant;
    for (const auto &chunkResults : results) {
        for (const LineResult &r : chunkResults) {
            if (!r.blank)
                ++rep.lines;
            for (const DataIssue &i : r.issues)
                addIssue(i);
            if (!r.counted)
                continue;
            ++rep.examples;
            rep.perExample.push_back(r.tokens);
            messages.push_back(r.tokens.messages);
            tokens.push_back(r.tokens.tokens);
            assistant.push_back(r.tokens.assistantTokens);
            rep.totalTokens += r.tokens.tokens;
            rep.promptTokens += r.tokens.promptTokens;
            rep.completionTokens += r.tokens.assistantTokens;
            if (r.missingSystem && !rep.missingSystem++)
                firstMissingSystem = r.line;
            if (r.missingUser && !rep.missingUser++)
                firstMissingUser = r.line;
            if (r.tokens.tokens > options.contextTokens)
                ++rep.overContext;
            else if (r.tokens.tokens > options.maxTokensPerExample)
                ++rep.overLength;
            const auto it = firstLineOf.constFind(r.key);
            if (it != firstLineOf.constEnd()) {
                ++rep.duplicates;
                addIssue(DataIssue{DataIssue::Severity::Warning, QStringLiteral("duplicate_example"), r.line,
                                   QStringLiteral("%1:%2: %3")
                                       .arg(source, QString::number(r.line),
                                            ChatDataValidatorText::tr("the same messages as line %1").arg(*it))});
            } else {
                firstLineOf.insert(r.key, r.line);
            }
        }
    }
    const auto fileIssue = [&](DataIssue::Severity s, const QString &kind, const QString &what) {
        addIssue(DataIssue{s, kind, 0, QStringLiteral("%1: %2").arg(source, what)});
    };
    if (rep.lines == 0)
        fileIssue(DataIssue::Severity::Error, QStringLiteral("empty_file"),
                  ChatDataValidatorText::tr("the file has no examples"));
    else if (options.minExamples > 0 && rep.examples < options.minExamples)
        fileIssue(DataIssue::Severity::Error, QStringLiteral("too_few_examples"),
                  ChatDataValidatorText::tr("too few examples (%1): OpenAI needs at least %2 for training")
                      .arg(rep.examples)
                      .arg(options.minExamples));
    else if (options.minExamples > 0 && rep.examples < options.recommendedExamples)
        fileIssue(DataIssue::Severity::Warning, QStringLiteral("few_examples"),
                  ChatDataValidatorText::tr("few examples (%1): OpenAI suggests starting with about %2")
                      .arg(rep.examples)
                      .arg(options.recommendedExamples));
    if (rep.missingSystem > 0)
        fileIssue(DataIssue::Severity::Warning, QStringLiteral("missing_system_message"),
                  ChatDataValidatorText::tr("examples without a system message: %1 (the first on line %2)")
                      .arg(num(rep.missingSystem))
                      .arg(firstMissingSystem));
    if (rep.missingUser > 0)
        fileIssue(DataIssue::Severity::Warning, QStringLiteral("missing_user_message"),
                  ChatDataValidatorText::tr("examples without a user message: %1 (the first on line %2)")
                      .arg(num(rep.missingUser))
                      .arg(firstMissingUser));

    rep.messagesPerExample = distribution(messages);
    rep.tokensPerExample = distribution(tokens);
    rep.assistantTokensPerExample = distribution(assistant);
    const TrainingEstimate cost = estimateTraining(tokens, options.epochs, options.price.trainingPer1M, options.billingCapTokens);
    rep.billingTokensPerEpoch = cost.tokensPerEpoch;
    rep.epochsFromRule = cost.epochsFromRule;
    rep.epochs = cost.epochs;
    rep.billedTokens = cost.billedTokens;
    rep.trainingCostUsd = cost.costUsd;
    rep.baseInferenceCostUsd = costUsd(rep.promptTokens, options.price.inputPer1M)
        + costUsd(rep.completionTokens, options.price.outputPer1M);
    rep.fineTunedInferenceCostUsd = costUsd(rep.promptTokens, options.price.fineTunedInputPer1M)
        + costUsd(rep.completionTokens, options.price.fineTunedOutputPer1M);
    return rep;
}

Result<ChatDataReport> validateChatJsonlFile(const QString &path, const Tokenizer &tokenizer, const ValidationOptions &options,
                                             Progress &progress)
{
    const QString name = QDir::toNativeSeparators(path);
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(errc::General::ReadFailed, ChatDataValidatorText::tr("Cannot read %1: %2").arg(name, f.errorString()));
    QByteArray bytes;
    if (f.size() > 0) {
        if (uchar *map = f.map(0, f.size()))
            bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(map), f.size());
        else
            bytes = f.readAll();
    }
    return validateChatJsonl(bytes, name, tokenizer, options, progress);
}

} // namespace cinetune
