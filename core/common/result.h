#pragma once

#include "core/common/errorcode.h"

#include <QString>

#include <utility>
#include <variant>

namespace cinetune {

// A user-facing error. `message` is translatable text that says what went wrong and where
// (e.g. "ratings.csv:12: expected a rating, found \"x\""); `code` says what kind of failure it is
// (compare it with errc:: values; code.id() is its stable string); `detail` is optional extra context
// for logs (never secrets).
struct Error
{
    ErrorCode code;
    QString message;
    QString detail;
};

// Value or Error. Fallible operations return this instead of throwing.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_v(std::move(value))
    {} // NOLINT(google-explicit-constructor)
    Result(Error error)
        : m_v(std::move(error))
    {} // NOLINT(google-explicit-constructor)

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_v); }
    const T &value() const & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

    const Error &error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

struct Ok
{};

using Status = Result<Ok>;

inline Error makeError(ErrorCode code, QString message, QString detail = {})
{
    return Error{code, std::move(message), std::move(detail)};
}

} // namespace cinetune
