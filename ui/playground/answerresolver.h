#pragma once

#include "playgroundtypes.h"
#include "session/loadeddataset.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

namespace cinetune::ui {

// Turns a column's answer into RecommendedItems: parses the text into ranked titles, resolves
// them against the catalogue, and marks repeats of profile movies, gold movies and popularity.
// Built once per dataset (O(movies)).
class AnswerResolver
{
    Q_DECLARE_TR_FUNCTIONS(AnswerResolver)

public:
    AnswerResolver() = default;
    explicit AnswerResolver(LoadedDatasetPtr data);

    bool isValid() const { return m_data != nullptr; }

    std::vector<RecommendedItem> resolveText(const QString &answer, const std::vector<std::uint32_t> &profile,
                                             const QSet<std::uint32_t> &gold) const;
    std::vector<RecommendedItem> resolveMovies(const std::vector<std::uint32_t> &movies, const std::vector<std::uint32_t> &profile,
                                               const QSet<std::uint32_t> &gold) const;

private:
    void finish(RecommendedItem &item, const std::vector<std::uint32_t> &profile, const QSet<std::uint32_t> &gold) const;

    LoadedDatasetPtr m_data;
    // Temporary until core/eval's TitleResolver is merged: exact folded "title year" and "title".
    QHash<QString, std::uint32_t> m_exact;
    QHash<QString, std::uint32_t> m_titleOnly;
};

} // namespace cinetune::ui
