#pragma once

#include <QLocale>

#include "core/common/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace cinetune {

// Prices of one model in USD per 1 M tokens. Training is per trained token (tokens x epochs);
// inference is per input (prompt) and output (completion) token, for the base model and for a
// model fine-tuned from it.
struct ModelPrice
{
    QString model;
    double trainingPer1M = 0;
    double inputPer1M = 0;
    double outputPer1M = 0;
    double fineTunedInputPer1M = 0;
    double fineTunedOutputPer1M = 0;

    friend bool operator==(const ModelPrice &, const ModelPrice &) = default;
};

// Batch API requests cost half the standard inference price (OpenAI and Azure).
inline constexpr double kBatchPriceFactor = 0.5;

// USD for `tokens` at `per1M` dollars per million tokens.
double costUsd(qint64 tokens, double per1M);
// "1,234.50" (two decimals), or two significant digits below a cent ("0.00031") so a small real
// cost is not shown as 0.00. Digits in `locale` (default: C).
QString usdAmount(double usd, const QLocale &locale = QLocale::c());

// An editable table of model prices (the user's copy lives in a JSON file or the project).
// Defaults: OpenAI's published gpt-4o-mini-2024-07-18 prices, standard tier.
class PriceTable
{
    Q_DECLARE_TR_FUNCTIONS(cinetune::PriceTable)

public:
    static constexpr int formatVersion = 1;
    static PriceTable defaults();

    const QList<ModelPrice> &models() const { return m_models; }
    // Exact model id first, then the longest entry that is a prefix of it ("gpt-4o-mini-2024-07-18"
    // for "gpt-4o-mini-2024-07-18-foo"), and "ft:<base>:..." ids resolve to <base>.
    std::optional<ModelPrice> find(const QString &model) const;
    // Adds or replaces the entry with the same model id.
    void set(const ModelPrice &price);
    bool remove(const QString &model);

    // {"version":1,"currency":"USD","unit":"per_1m_tokens","models":[{"model":...,"training":...,
    //  "input":...,"output":...,"fine_tuned_input":...,"fine_tuned_output":...}]}
    QJsonObject toJson() const;
    static Result<PriceTable> fromJson(const QJsonObject &json, const QString &source);
    static Result<PriceTable> load(const QString &path);
    // Written atomically.
    Status save(const QString &path) const;

    friend bool operator==(const PriceTable &, const PriceTable &) = default;

private:
    QList<ModelPrice> m_models;
};

} // namespace cinetune
