#pragma once

#include "playgroundtypes.h"
#include "session/loadeddataset.h"

#include <QCoreApplication>
#include <QSet>

#include <memory>

namespace cinetune {
class TitleResolver;
} // namespace cinetune

namespace cinetune::ui {

// Turns a column's answer into RecommendedItems: parses the text into ranked titles
// (core/eval's parseRecommendations), resolves them against the catalogue (TitleResolver: exact,
// title only, fuzzy) and marks repeats of profile movies, gold movies and popularity.
// Built once per dataset (O(movies)).
class AnswerResolver
{
    Q_DECLARE_TR_FUNCTIONS(cinetune::ui::AnswerResolver)

public:
    AnswerResolver() = default;
    explicit AnswerResolver(LoadedDatasetPtr data);

    bool isValid() const { return m_data != nullptr; }

    // `whyEmpty` (optional) receives the parser's reason when no title was found.
    std::vector<RecommendedItem> resolveText(const QString &answer, const std::vector<std::uint32_t> &profile,
                                             const QSet<std::uint32_t> &gold, QString *whyEmpty = nullptr) const;
    std::vector<RecommendedItem> resolveMovies(const std::vector<std::uint32_t> &movies, const std::vector<std::uint32_t> &profile,
                                               const QSet<std::uint32_t> &gold) const;

private:
    void finish(RecommendedItem &item, const std::vector<std::uint32_t> &profile, const QSet<std::uint32_t> &gold) const;

    LoadedDatasetPtr m_data;
    std::shared_ptr<const TitleResolver> m_titles;
};

} // namespace cinetune::ui
