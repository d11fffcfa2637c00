#include "core/common/readerror.h"

#include <QLoggingCategory>

namespace cinetune {

namespace {
Q_LOGGING_CATEGORY(lcRead, "cinetune.read")
} // namespace

void logReadError(const char *what, const Error &error)
{
    qCWarning(lcRead).noquote() << "could not read" << what << '-' << error.code.id() << error.message
                                << (error.detail.isEmpty() ? QString() : QStringLiteral("(%1)").arg(error.detail));
}

} // namespace cinetune
