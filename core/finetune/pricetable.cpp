#include "core/finetune/pricetable.h"

#include "core/common/tr.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <cmath>

namespace cinetune {

namespace {

struct Field
{
    const char *key;
    double ModelPrice::*member;
};

constexpr Field kFields[] = {
    {"training", &ModelPrice::trainingPer1M},
    {"input", &ModelPrice::inputPer1M},
    {"output", &ModelPrice::outputPer1M},
    {"fine_tuned_input", &ModelPrice::fineTunedInputPer1M},
    {"fine_tuned_output", &ModelPrice::fineTunedOutputPer1M},
};

} // namespace

double costUsd(qint64 tokens, double per1M)
{
    return static_cast<double>(tokens) / 1e6 * per1M;
}

PriceTable PriceTable::defaults()
{
    PriceTable t;
    // OpenAI pricing page (standard tier): fine-tuning gpt-4o-mini-2024-07-18 training $3.00 / 1M;
    // base gpt-4o-mini $0.15 in / $0.60 out; fine-tuned $0.30 in / $1.20 out.
    t.m_models.append(ModelPrice{QStringLiteral("gpt-4o-mini-2024-07-18"), 3.00, 0.15, 0.60, 0.30, 1.20});
    return t;
}

std::optional<ModelPrice> PriceTable::find(const QString &model) const
{
    QString id = model.trimmed();
    if (id.startsWith(QLatin1String("ft:")))
        id = id.mid(3).section(QLatin1Char(':'), 0, 0);
    const ModelPrice *best = nullptr;
    for (const ModelPrice &p : m_models) {
        if (p.model == id)
            return p;
        if (id.startsWith(p.model) && (!best || p.model.size() > best->model.size()))
            best = &p;
    }
    if (best)
        return *best;
    // "gpt-4o-mini" (an alias) matches the one dated snapshot that starts with it.
    for (const ModelPrice &p : m_models) {
        if (p.model.startsWith(id + QLatin1Char('-')))
            return p;
    }
    return std::nullopt;
}

void PriceTable::set(const ModelPrice &price)
{
    for (ModelPrice &p : m_models) {
        if (p.model == price.model) {
            p = price;
            return;
        }
    }
    m_models.append(price);
}

bool PriceTable::remove(const QString &model)
{
    return m_models.removeIf([&](const ModelPrice &p) { return p.model == model; }) > 0;
}

QJsonObject PriceTable::toJson() const
{
    QJsonArray models;
    for (const ModelPrice &p : m_models) {
        QJsonObject o;
        o[QStringLiteral("model")] = p.model;
        for (const Field &f : kFields)
            o[QLatin1String(f.key)] = p.*(f.member);
        models.append(o);
    }
    QJsonObject root;
    root[QStringLiteral("version")] = formatVersion;
    root[QStringLiteral("currency")] = QStringLiteral("USD");
    root[QStringLiteral("unit")] = QStringLiteral("per_1m_tokens");
    root[QStringLiteral("models")] = models;
    return root;
}

Result<PriceTable> PriceTable::fromJson(const QJsonObject &json, const QString &source)
{
    const auto bad = [&](const QString &what) {
        return makeError(errc::FineTune::PriceTable, QStringLiteral("%1: %2").arg(source, what));
    };
    const int version = json.value(QStringLiteral("version")).toInt(-1);
    if (version != formatVersion)
        return bad(tr("expected \"version\": %1").arg(formatVersion));
    if (json.contains(QStringLiteral("currency")) && json.value(QStringLiteral("currency")).toString() != QLatin1String("USD"))
        return bad(tr("only \"currency\": \"USD\" is supported"));
    const QJsonValue models = json.value(QStringLiteral("models"));
    if (!models.isArray())
        return bad(tr("expected a \"models\" list"));
    PriceTable t;
    int index = 0;
    for (const QJsonValue &v : models.toArray()) {
        const QString where = QStringLiteral("models[%1]").arg(index++);
        if (!v.isObject())
            return bad(tr("%1: expected an object").arg(where));
        const QJsonObject o = v.toObject();
        ModelPrice p;
        p.model = o.value(QStringLiteral("model")).toString().trimmed();
        if (p.model.isEmpty())
            return bad(tr("%1: expected a \"model\" id").arg(where));
        for (const Field &f : kFields) {
            const QJsonValue x = o.value(QLatin1String(f.key));
            if (x.isUndefined())
                continue; // unknown prices are 0
            const double d = x.toDouble(-1);
            if (!x.isDouble() || !std::isfinite(d) || d < 0 || d > 1e6)
                return bad(tr("%1 (%2): \"%3\" must be a price in USD per 1M tokens from 0 to 1000000")
                               .arg(where, p.model, QLatin1String(f.key)));
            p.*(f.member) = d;
        }
        if (t.find(p.model) && t.find(p.model)->model == p.model)
            return bad(tr("%1: model \"%2\" appears twice").arg(where, p.model));
        t.m_models.append(p);
    }
    return t;
}

Result<PriceTable> PriceTable::load(const QString &path)
{
    const QString name = QDir::toNativeSeparators(path);
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(errc::FineTune::PriceTable, tr("Cannot read the price table %1: %2").arg(name, f.errorString()));
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(errc::FineTune::PriceTable,
                         tr("%1: not a JSON object (%2 at byte %3)").arg(name, pe.errorString(), QString::number(pe.offset)));
    return fromJson(doc.object(), name);
}

Status PriceTable::save(const QString &path) const
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return makeError(errc::General::WriteFailed,
                         tr("Cannot write the price table %1: %2").arg(QDir::toNativeSeparators(path), f.errorString()));
    f.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    if (!f.commit())
        return makeError(errc::General::WriteFailed,
                         tr("Cannot write the price table %1: %2").arg(QDir::toNativeSeparators(path), f.errorString()));
    return Ok{};
}

} // namespace cinetune

namespace cinetune {

QString usdAmount(double usd, const QLocale &locale)
{
    if (usd != 0 && std::abs(usd) < 0.01) {
        const int decimals = std::min(12, 1 - int(std::floor(std::log10(std::abs(usd)))));
        return locale.toString(usd, 'f', decimals);
    }
    return locale.toString(usd, 'f', 2);
}

} // namespace cinetune
