#pragma once

#include <QString>
#include <QList>
#include <QStringView>

#include <optional>

// Error codes are values, not strings. Each domain has its own enum (errc::Project, errc::Net, …);
// an ErrorCode holds one of them. Control flow compares enums (`e.code == errc::Net::Timeout`,
// `e.code.domain() == ErrorDomain::Net`); the stable string id (`e.code.id()`, e.g. "net.timeout")
// is for JSON output, logs and the project file (eval_responses.error_code), so an id never changes
// once released. The X-macro lists below are the one place a code is declared.

namespace cinetune {

enum class ErrorDomain : quint8 {
    None, // a default-constructed ErrorCode
    General,
    Dataset,
    FineTune,
    Project,
    Provider,
    Net,
    Profile,
    Job,
    Run,
    Results,
    Playground,
    Ui,
    Cli,
    Simulator
};

// clang-format off
#define CINETUNE_ERRC_GENERAL(X) \
    X(Io, "io") \
    X(Parse, "parse") \
    X(InvalidArgument, "invalid_argument") \
    X(Cancelled, "cancelled") \
    X(OutOfMemory, "out_of_memory") \
    X(CacheMiss, "cache_miss") \
    X(ReadFailed, "read_failed") \
    X(WriteFailed, "write_failed")

#define CINETUNE_ERRC_DATASET(X) \
    X(UnknownFormat, "dataset.unknown_format") \
    X(NotFound, "dataset.not_found") \
    X(TooLarge, "dataset.too_large") \
    X(Empty, "dataset.empty") \
    X(Changed, "dataset.changed") \
    X(SampleUnavailable, "dataset.sample_unavailable")

#define CINETUNE_ERRC_FINETUNE(X) \
    X(PromptTemplate, "finetune.prompt_template") \
    X(TokenizerFormat, "finetune.tokenizer_format") \
    X(PriceTable, "finetune.price_table") \
    X(TokenizerMissing, "finetune.tokenizer_missing") \
    X(EmptySplit, "finetune.empty_split") \
    X(ValidationFailed, "finetune.validation_failed") \
    X(UnknownMovie, "finetune.unknown_movie") \
    X(TokenizerChecksum, "finetune.tokenizer_checksum")

#define CINETUNE_ERRC_PROJECT(X) \
    X(Sql, "project.sql") \
    X(NotFound, "project.not_found") \
    X(Exists, "project.exists") \
    X(InvalidArgument, "project.invalid_argument") \
    X(Damaged, "project.damaged") \
    X(Integrity, "project.integrity") \
    X(Driver, "project.driver") \
    X(Unreadable, "project.unreadable") \
    X(Empty, "project.empty") \
    X(NotSqlite, "project.not_sqlite") \
    X(Foreign, "project.foreign") \
    X(Io, "project.io") \
    X(InvalidName, "project.invalid_name") \
    X(NoFolder, "project.no_folder") \
    X(ReadOnly, "project.read_only") \
    X(NotFile, "project.not_file") \
    X(TooNew, "project.too_new") \
    X(Migration, "project.migration") \
    X(None, "project.none")

#define CINETUNE_ERRC_PROVIDER(X) \
    X(BadKey, "provider.bad_key") \
    X(NotFound, "provider.not_found") \
    X(Forbidden, "provider.forbidden") \
    X(InvalidRequest, "provider.invalid_request") \
    X(NoKey, "provider.no_key") \
    X(Quota, "provider.quota") \
    X(Server, "provider.server") \
    X(RateLimited, "provider.rate_limited") \
    X(Malformed, "provider.malformed") \
    X(Http, "provider.http") \
    X(BatchLine, "provider.batch_line") \
    X(BatchFailed, "provider.batch_failed") \
    X(BatchMissing, "provider.batch_missing") \
    X(UnknownModel, "provider.unknown_model") \
    X(DeploymentNeeded, "provider.deployment_needed") \
    X(Retired, "provider.retired") \
    X(TrainingNotAvailable, "provider.training_not_available") \
    X(StreamError, "provider.stream_error") \
    X(FileError, "provider.file_error") \
    X(FileNotProcessed, "provider.file_not_processed") \
    X(StreamTruncated, "provider.stream_truncated") \
    X(Unsupported, "provider.unsupported") \
    X(KeyHost, "provider.key_host") \
    X(UnknownProfile, "provider.unknown_profile")

#define CINETUNE_ERRC_NET(X) \
    X(Unreachable, "net.unreachable") \
    X(TooLarge, "net.too_large") \
    X(Timeout, "net.timeout") \
    X(Ambiguous, "net.ambiguous") \
    X(Error, "net.error") \
    X(Reset, "net.reset") \
    X(Tls, "net.tls")

#define CINETUNE_ERRC_PROFILE(X) \
    X(Name, "profile.name") \
    X(Url, "profile.url") \
    X(InsecureUrl, "profile.insecure_url") \
    X(Limits, "profile.limits")

#define CINETUNE_ERRC_JOB(X) \
    X(Unresolved, "job.unresolved") \
    X(Invalid, "job.invalid") \
    X(NotPending, "job.not_pending")

#define CINETUNE_ERRC_RUN(X) \
    X(SpecMismatch, "run.spec_mismatch") \
    X(UnknownMovie, "run.unknown_movie") \
    X(InvalidSpec, "run.invalid_spec") \
    X(NoCandidates, "run.no_candidates") \
    X(NoExamples, "run.no_examples") \
    X(Busy, "run.busy")

#define CINETUNE_ERRC_RESULTS(X) \
    X(Io, "results.io") \
    X(NoGoldSet, "results.no_gold_set") \
    X(InvalidSize, "results.invalid_size")

#define CINETUNE_ERRC_PLAYGROUND(X) \
    X(NoDataset, "playground.no_dataset") \
    X(NeedsUser, "playground.needs_user") \
    X(Export, "playground.export") \
    X(NoMovie, "playground.no_movie") \
    X(Duplicate, "playground.duplicate") \
    X(Full, "playground.full") \
    X(NoUser, "playground.no_user") \
    X(NoGoldUser, "playground.no_gold_user") \
    X(NoGoldSets, "playground.no_gold_sets") \
    X(NoGoldSet, "playground.no_gold_set") \
    X(OtherDataset, "playground.other_dataset") \
    X(NoName, "playground.no_name") \
    X(Empty, "playground.empty") \
    X(NoProfile, "playground.no_profile") \
    X(Partial, "playground.partial")

#define CINETUNE_ERRC_UI(X) \
    X(NoDataset, "ui.no_dataset") \
    X(NoProject, "ui.no_project") \
    X(EmptySplit, "ui.empty_split") \
    X(NoExamples, "ui.no_examples") \
    X(NoProvider, "ui.no_provider") \
    X(RunActive, "ui.run_active")

#define CINETUNE_ERRC_CLI(X) \
    X(OutputIsInput, "cli.output_is_input") \
    X(WriteFailed, "cli.write_failed") \
    X(OutputNotFolder, "cli.output_not_folder") \
    X(OutputNotEmpty, "cli.output_not_empty")

#define CINETUNE_ERRC_SIMULATOR(X) \
    X(Faults, "simulator.faults") \
    X(Listen, "simulator.listen")

// clang-format on

namespace errc {
#define CINETUNE_ERRC_ENUMERATOR(name, id) name,
enum class General : quint16 {
    CINETUNE_ERRC_GENERAL(CINETUNE_ERRC_ENUMERATOR)
};
enum class Dataset : quint16 {
    CINETUNE_ERRC_DATASET(CINETUNE_ERRC_ENUMERATOR)
};
enum class FineTune : quint16 {
    CINETUNE_ERRC_FINETUNE(CINETUNE_ERRC_ENUMERATOR)
};
enum class Project : quint16 {
    CINETUNE_ERRC_PROJECT(CINETUNE_ERRC_ENUMERATOR)
};
enum class Provider : quint16 {
    CINETUNE_ERRC_PROVIDER(CINETUNE_ERRC_ENUMERATOR)
};
enum class Net : quint16 {
    CINETUNE_ERRC_NET(CINETUNE_ERRC_ENUMERATOR)
};
enum class Profile : quint16 {
    CINETUNE_ERRC_PROFILE(CINETUNE_ERRC_ENUMERATOR)
};
enum class Job : quint16 {
    CINETUNE_ERRC_JOB(CINETUNE_ERRC_ENUMERATOR)
};
enum class Run : quint16 {
    CINETUNE_ERRC_RUN(CINETUNE_ERRC_ENUMERATOR)
};
enum class Results : quint16 {
    CINETUNE_ERRC_RESULTS(CINETUNE_ERRC_ENUMERATOR)
};
enum class Playground : quint16 {
    CINETUNE_ERRC_PLAYGROUND(CINETUNE_ERRC_ENUMERATOR)
};
enum class Ui : quint16 {
    CINETUNE_ERRC_UI(CINETUNE_ERRC_ENUMERATOR)
};
enum class Cli : quint16 {
    CINETUNE_ERRC_CLI(CINETUNE_ERRC_ENUMERATOR)
};
enum class Simulator : quint16 {
    CINETUNE_ERRC_SIMULATOR(CINETUNE_ERRC_ENUMERATOR)
};
#undef CINETUNE_ERRC_ENUMERATOR
} // namespace errc

template<typename E>
struct ErrorDomainOf;
template<>
struct ErrorDomainOf<errc::General>
{
    static constexpr ErrorDomain value = ErrorDomain::General;
};
template<>
struct ErrorDomainOf<errc::Dataset>
{
    static constexpr ErrorDomain value = ErrorDomain::Dataset;
};
template<>
struct ErrorDomainOf<errc::FineTune>
{
    static constexpr ErrorDomain value = ErrorDomain::FineTune;
};
template<>
struct ErrorDomainOf<errc::Project>
{
    static constexpr ErrorDomain value = ErrorDomain::Project;
};
template<>
struct ErrorDomainOf<errc::Provider>
{
    static constexpr ErrorDomain value = ErrorDomain::Provider;
};
template<>
struct ErrorDomainOf<errc::Net>
{
    static constexpr ErrorDomain value = ErrorDomain::Net;
};
template<>
struct ErrorDomainOf<errc::Profile>
{
    static constexpr ErrorDomain value = ErrorDomain::Profile;
};
template<>
struct ErrorDomainOf<errc::Job>
{
    static constexpr ErrorDomain value = ErrorDomain::Job;
};
template<>
struct ErrorDomainOf<errc::Run>
{
    static constexpr ErrorDomain value = ErrorDomain::Run;
};
template<>
struct ErrorDomainOf<errc::Results>
{
    static constexpr ErrorDomain value = ErrorDomain::Results;
};
template<>
struct ErrorDomainOf<errc::Playground>
{
    static constexpr ErrorDomain value = ErrorDomain::Playground;
};
template<>
struct ErrorDomainOf<errc::Ui>
{
    static constexpr ErrorDomain value = ErrorDomain::Ui;
};
template<>
struct ErrorDomainOf<errc::Cli>
{
    static constexpr ErrorDomain value = ErrorDomain::Cli;
};
template<>
struct ErrorDomainOf<errc::Simulator>
{
    static constexpr ErrorDomain value = ErrorDomain::Simulator;
};

template<typename E>
concept ErrorEnum = requires
{
    ErrorDomainOf<E>::value;
};

class ErrorCode
{
public:
    constexpr ErrorCode() = default;
    template<ErrorEnum E>
    constexpr ErrorCode(E code) noexcept // NOLINT(google-explicit-constructor): errc enums are error codes
        : m_domain(ErrorDomainOf<E>::value)
        , m_value(static_cast<quint16>(code))
    {}

    constexpr ErrorDomain domain() const { return m_domain; }
    constexpr bool isNull() const { return m_domain == ErrorDomain::None; }
    // The stable id ("net.timeout"); empty for a null code.
    QString id() const;
    // The code of a stable id (nullopt for an unknown one).
    static std::optional<ErrorCode> fromId(QStringView id);
    // Every declared code, domain by domain (tests use it).
    static QList<ErrorCode> all();

    friend constexpr bool operator==(ErrorCode, ErrorCode) = default;

private:
    ErrorDomain m_domain = ErrorDomain::None;
    quint16 m_value = 0;
};

// QTest prints codes by id (found by argument-dependent lookup from QCOMPARE).
char *toString(const ErrorCode &code);

} // namespace cinetune
