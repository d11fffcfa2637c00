// Error codes are values: one enum per domain, each code with a stable string id.
#include "core/common/errorcode.h"
#include "core/common/result.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace cinetune;

class TestErrorCode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idsAreUniqueAndRoundTrip();
    void idsAreStable_data();
    void idsAreStable();
    void domainFollowsEnum();
    void nullCode();
    void unknownIdIsRejected();
};

void TestErrorCode::idsAreUniqueAndRoundTrip()
{
    const QList<ErrorCode> all = ErrorCode::all();
    QVERIFY(all.size() > 90);
    QSet<QString> seen;
    for (const ErrorCode code : all) {
        const QString id = code.id();
        QVERIFY2(!id.isEmpty(), "a declared code has no id");
        QVERIFY2(!seen.contains(id), qPrintable(QStringLiteral("two codes share the id %1").arg(id)));
        seen.insert(id);
        // One spelling: lowercase words joined by '_', an optional "domain." prefix.
        static const QRegularExpression spelling(QStringLiteral("^([a-z]+\\.)?[a-z]+(_[a-z0-9]+)*$"));
        QVERIFY2(spelling.match(id).hasMatch(), qPrintable(id));
        const std::optional<ErrorCode> back = ErrorCode::fromId(id);
        QVERIFY(back.has_value());
        QCOMPARE(*back, code);
    }
}

// Ids reach JSON output and the project file (eval_responses.error_code): they must not change.
void TestErrorCode::idsAreStable_data()
{
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("id");
    QTest::newRow("net timeout") << ErrorCode(errc::Net::Timeout) << "net.timeout";
    QTest::newRow("net unreachable") << ErrorCode(errc::Net::Unreachable) << "net.unreachable";
    QTest::newRow("provider server") << ErrorCode(errc::Provider::Server) << "provider.server";
    QTest::newRow("provider bad key") << ErrorCode(errc::Provider::BadKey) << "provider.bad_key";
    QTest::newRow("provider batch line") << ErrorCode(errc::Provider::BatchLine) << "provider.batch_line";
    QTest::newRow("provider stream error") << ErrorCode(errc::Provider::StreamError) << "provider.stream_error";
    QTest::newRow("job unresolved") << ErrorCode(errc::Job::Unresolved) << "job.unresolved";
    QTest::newRow("project sql") << ErrorCode(errc::Project::Sql) << "project.sql";
    QTest::newRow("cancelled") << ErrorCode(errc::General::Cancelled) << "cancelled";
    QTest::newRow("invalid argument") << ErrorCode(errc::General::InvalidArgument) << "invalid_argument";
}

void TestErrorCode::idsAreStable()
{
    QFETCH(ErrorCode, code);
    QFETCH(QString, id);
    QCOMPARE(code.id(), id);
}

void TestErrorCode::domainFollowsEnum()
{
    QCOMPARE(ErrorCode(errc::Net::Reset).domain(), ErrorDomain::Net);
    QCOMPARE(ErrorCode(errc::Provider::Quota).domain(), ErrorDomain::Provider);
    QCOMPARE(ErrorCode(errc::General::Io).domain(), ErrorDomain::General);
    // The same enumerator name in two domains is two codes.
    QVERIFY(ErrorCode(errc::Project::NotFound) != ErrorCode(errc::Provider::NotFound));
    QVERIFY(ErrorCode(errc::Project::Io) != ErrorCode(errc::General::Io));
    const Error e = makeError(errc::Net::Timeout, QStringLiteral("slow"));
    QVERIFY(e.code == errc::Net::Timeout);
    QVERIFY(e.code != errc::Net::Reset);
    // Every id of a domain with a prefix starts with it.
    for (const ErrorCode code : ErrorCode::all()) {
        if (code.domain() == ErrorDomain::Net)
            QVERIFY2(code.id().startsWith(QLatin1String("net.")), qPrintable(code.id()));
        if (code.domain() == ErrorDomain::Project)
            QVERIFY2(code.id().startsWith(QLatin1String("project.")), qPrintable(code.id()));
    }
}

void TestErrorCode::nullCode()
{
    const ErrorCode none;
    QVERIFY(none.isNull());
    QVERIFY(none.id().isEmpty());
    QVERIFY(none != errc::General::Io);
    QCOMPARE(Error{}.code.domain(), ErrorDomain::None);
}

void TestErrorCode::unknownIdIsRejected()
{
    QVERIFY(!ErrorCode::fromId(u"net.nonsense").has_value());
    QVERIFY(!ErrorCode::fromId(u"").has_value());
    // The old spellings were unified; they are not ids any more.
    QVERIFY(!ErrorCode::fromId(u"canceled").has_value());
    QVERIFY(!ErrorCode::fromId(u"net.cancelled").has_value());
}

QTEST_GUILESS_MAIN(TestErrorCode)
#include "tst_errorcode.moc"
