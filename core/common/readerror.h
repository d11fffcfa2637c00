#pragma once

#include "core/common/result.h"

#include <utility>

namespace cinetune {

// For getters that hand a view a list and have no way to return an error (a table refreshed
// from a signal): the error is logged (category "cinetune.read", warning) with what was being
// read and its code, message and detail, never dropped silently. Callers that can return the
// error, or show it where the user acted, do that instead.
void logReadError(const char *what, const Error &error);

// The value, or T{} after logReadError(what, error).
template<typename T>
T valueOrLogged(Result<T> result, const char *what)
{
    if (result)
        return std::move(result).value();
    logReadError(what, result.error());
    return T{};
}

} // namespace cinetune
