#include "core/finetune/chatexample.h"

#include "core/finetune/tokenizer.h"

namespace cinetune {

QByteArray jsonString(const QString &text)
{
    static constexpr char hex[] = "0123456789abcdef";
    const QByteArray utf8 = Tokenizer::toUtf8(text);
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out.append('"');
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        case '\b':
            out.append("\\b");
            break;
        case '\f':
            out.append("\\f");
            break;
        default:
            if (c < 0x20) {
                const char esc[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                out.append(esc, sizeof esc);
            } else {
                out.append(ch);
            }
        }
    }
    out.append('"');
    return out;
}

QByteArray chatJsonLine(const ChatExample &example)
{
    QByteArray out("{\"messages\":[");
    bool first = true;
    for (const ChatMessage &m : example.messages) {
        if (!first)
            out.append(',');
        first = false;
        out.append("{\"role\":").append(jsonString(m.role));
        if (!m.name.isEmpty())
            out.append(",\"name\":").append(jsonString(m.name));
        out.append(",\"content\":").append(jsonString(m.content)).append('}');
    }
    out.append("]}");
    return out;
}

QByteArray chatJsonl(const std::vector<ChatExample> &examples)
{
    QByteArray out;
    for (const ChatExample &e : examples)
        out.append(chatJsonLine(e)).append('\n');
    return out;
}

} // namespace cinetune
