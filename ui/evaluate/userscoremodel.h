#pragma once

#include "core/dataset/dataset.h"
#include "core/eval/runscoring.h"

#include <QAbstractTableModel>

#include <memory>

namespace cinetune::ui {

// The per-user table of a scored run: user, outcome, hits, profile titles, gold titles and the
// ranked recommendations with status badges (✓ exact, ≈ fuzzy, ✗ hallucinated, ↺ duplicate or a
// movie of the profile). HtmlRole gives the recommendations with the hits highlighted.
class UserScoreModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UserScoreModel)

public:
    enum Column {
        UserColumn,
        OutcomeColumn,
        HitsColumn,
        RecommendationsColumn,
        GoldColumn,
        ProfileColumn,
        ColumnCount
    };
    static constexpr int UserIdRole = Qt::UserRole;
    static constexpr int HtmlRole = Qt::UserRole + 1;

    explicit UserScoreModel(QObject *parent = nullptr);

    // `score` and `dataset` are kept (shared); the dataset names the profile and gold movies.
    void setScore(std::shared_ptr<const RunScore> score, DatasetPtr dataset);
    void clear();
    const RunScore *score() const { return m_score.get(); }

    static QString badge(const ScoredItem &item);
    QString recommendationsText(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString titles(const std::vector<std::uint32_t> &ids) const;
    QString outcomeText(const ScoredUser &u) const;
    QString html(const ScoredUser &u) const;

    std::shared_ptr<const RunScore> m_score;
    DatasetPtr m_dataset;
};

} // namespace cinetune::ui
