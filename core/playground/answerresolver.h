#pragma once

#include "core/dataset/dataset.h"
#include "core/playground/playgroundtypes.h"

#include <QCoreApplication>
#include <QSet>

#include <memory>

namespace cinetune {

class TitleResolver;

// Turns a column's answer into RecommendedItems: parses the text into ranked titles
// (core/eval's parseRecommendations), resolves them against the catalogue (TitleResolver: exact,
// title only, fuzzy) and marks repeats of profile movies, gold movies and popularity.
// Built once per dataset (O(movies)); immutable afterwards, so one instance can be read from any
// thread.
class AnswerResolver
{
    // The German catalogue's context from when this class lived in ui/ (kept until the catalogue
    // is regenerated, so the translations still apply).
    Q_DECLARE_TR_FUNCTIONS(cinetune::ui::AnswerResolver)

public:
    AnswerResolver() = default;
    explicit AnswerResolver(DatasetPtr dataset);

    bool isValid() const { return m_data != nullptr; }
    const DatasetPtr &dataset() const { return m_data; }

    // `whyEmpty` (optional) receives the parser's reason when no title was found.
    std::vector<RecommendedItem> resolveText(const QString &answer, const std::vector<std::uint32_t> &profile,
                                             const QSet<std::uint32_t> &gold, QString *whyEmpty = nullptr) const;
    std::vector<RecommendedItem> resolveMovies(const std::vector<std::uint32_t> &movies,
                                               const std::vector<std::uint32_t> &profile, const QSet<std::uint32_t> &gold) const;

    // Why `items` (resolved from `answer`) hold fewer usable titles (in the catalogue and not
    // repeating a profile movie) than the answer was asked for: "Only 7 of 10 asked for: the model
    // listed only 8 titles; 1 title did not match a movie in the dataset." Empty when nothing is
    // missing or the answer failed.
    static QString shortfall(const EngineAnswer &answer, const std::vector<RecommendedItem> &items);

private:
    void finish(RecommendedItem &item, const std::vector<std::uint32_t> &profile, const QSet<std::uint32_t> &gold) const;

    DatasetPtr m_data;
    std::shared_ptr<const TitleResolver> m_titles;
};

} // namespace cinetune
