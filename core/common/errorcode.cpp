#include "core/common/errorcode.h"

#include <QByteArray>
#include <QList>

#include <array>
#include <span>

namespace cinetune {

namespace {

#define CINETUNE_ERRC_ID(name, id) id,
constexpr const char *kGeneralIds[] = {CINETUNE_ERRC_GENERAL(CINETUNE_ERRC_ID)};
constexpr const char *kDatasetIds[] = {CINETUNE_ERRC_DATASET(CINETUNE_ERRC_ID)};
constexpr const char *kFineTuneIds[] = {CINETUNE_ERRC_FINETUNE(CINETUNE_ERRC_ID)};
constexpr const char *kProjectIds[] = {CINETUNE_ERRC_PROJECT(CINETUNE_ERRC_ID)};
constexpr const char *kProviderIds[] = {CINETUNE_ERRC_PROVIDER(CINETUNE_ERRC_ID)};
constexpr const char *kNetIds[] = {CINETUNE_ERRC_NET(CINETUNE_ERRC_ID)};
constexpr const char *kProfileIds[] = {CINETUNE_ERRC_PROFILE(CINETUNE_ERRC_ID)};
constexpr const char *kJobIds[] = {CINETUNE_ERRC_JOB(CINETUNE_ERRC_ID)};
constexpr const char *kRunIds[] = {CINETUNE_ERRC_RUN(CINETUNE_ERRC_ID)};
constexpr const char *kResultsIds[] = {CINETUNE_ERRC_RESULTS(CINETUNE_ERRC_ID)};
constexpr const char *kPlaygroundIds[] = {CINETUNE_ERRC_PLAYGROUND(CINETUNE_ERRC_ID)};
constexpr const char *kUiIds[] = {CINETUNE_ERRC_UI(CINETUNE_ERRC_ID)};
constexpr const char *kCliIds[] = {CINETUNE_ERRC_CLI(CINETUNE_ERRC_ID)};
constexpr const char *kSimulatorIds[] = {CINETUNE_ERRC_SIMULATOR(CINETUNE_ERRC_ID)};
#undef CINETUNE_ERRC_ID

std::span<const char *const> idsOf(ErrorDomain domain)
{
    switch (domain) {
    case ErrorDomain::General:
        return kGeneralIds;
    case ErrorDomain::Dataset:
        return kDatasetIds;
    case ErrorDomain::FineTune:
        return kFineTuneIds;
    case ErrorDomain::Project:
        return kProjectIds;
    case ErrorDomain::Provider:
        return kProviderIds;
    case ErrorDomain::Net:
        return kNetIds;
    case ErrorDomain::Profile:
        return kProfileIds;
    case ErrorDomain::Job:
        return kJobIds;
    case ErrorDomain::Run:
        return kRunIds;
    case ErrorDomain::Results:
        return kResultsIds;
    case ErrorDomain::Playground:
        return kPlaygroundIds;
    case ErrorDomain::Ui:
        return kUiIds;
    case ErrorDomain::Cli:
        return kCliIds;
    case ErrorDomain::Simulator:
        return kSimulatorIds;
    case ErrorDomain::None:
        break;
    }
    return {};
}

constexpr std::array kDomains{ErrorDomain::General,  ErrorDomain::Dataset,  ErrorDomain::FineTune,   ErrorDomain::Project,
                              ErrorDomain::Provider, ErrorDomain::Net,      ErrorDomain::Profile,    ErrorDomain::Job,
                              ErrorDomain::Run,      ErrorDomain::Results,  ErrorDomain::Playground, ErrorDomain::Ui,
                              ErrorDomain::Cli,      ErrorDomain::Simulator};

} // namespace

QString ErrorCode::id() const
{
    const auto ids = idsOf(m_domain);
    return m_value < ids.size() ? QString::fromLatin1(ids[m_value]) : QString();
}

std::optional<ErrorCode> ErrorCode::fromId(QStringView id)
{
    for (const ErrorCode code : all())
        if (code.id() == id)
            return code;
    return std::nullopt;
}

QList<ErrorCode> ErrorCode::all()
{
    QList<ErrorCode> out;
    for (const ErrorDomain domain : kDomains) {
        const auto ids = idsOf(domain);
        for (quint16 i = 0; i < ids.size(); ++i) {
            ErrorCode code;
            code.m_domain = domain;
            code.m_value = i;
            out << code;
        }
    }
    return out;
}

char *toString(const ErrorCode &code)
{
    return qstrdup(code.isNull() ? "(no code)" : code.id().toLatin1().constData());
}

} // namespace cinetune
