#pragma once

#include "core/playground/columnengine.h"
#include "core/playground/playgroundtypes.h"

#include <QSet>
#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QPlainTextEdit;
class QToolButton;
class QTreeWidget;

namespace cinetune::ui {

class ColumnTargetChooser;
class MessageBanner;
class PlaygroundController;
class ProviderService;

// One side-by-side column: its target, a state line ("Thinking…", streaming, done, error), the
// streamed text while it arrives, then the resolved list with a status per title. Errors stay in
// this column, with what to do.
class RecommendationColumn final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecommendationColumn)

public:
    enum class State {
        Idle,
        Thinking,
        Streaming,
        Done,
        Failed
    };

    RecommendationColumn(PlaygroundController *controller, ProviderService *providers, int number, QWidget *parent = nullptr);
    ~RecommendationColumn() override;

    ColumnTargetChooser *chooser() const { return m_chooser; }
    ColumnEngine *engine() const { return m_engine.get(); }
    State state() const { return m_state; }
    QString heading() const;
    QString stateText() const;
    QString streamedText() const;
    const std::vector<RecommendedItem> &items() const { return m_items; }
    const std::optional<EngineAnswer> &lastAnswer() const { return m_answer; }
    MessageBanner *banner() const { return m_banner; }
    // "Only 7 of 10 asked for: …" when the column shows fewer usable titles than asked for.
    QLabel *shortfallLabel() const { return m_note; }
    QTreeWidget *resultList() const { return m_list; }
    QToolButton *removeButton() const { return m_remove; }
    // Deltas received for the current request before it answered (tests: streaming evidence).
    int deltasBeforeAnswer() const { return m_deltasBeforeAnswer; }

    // Movies (indices) that other columns recommend too: highlighted here.
    void setOverlap(const QSet<std::uint32_t> &shared);
    void setNumber(int number);

public Q_SLOTS:
    void refresh(const cinetune::PlaygroundQuery &query);
    void showDetails();

Q_SIGNALS:
    void resultsChanged();
    void removeRequested();

private:
    void rebuildEngine();
    void setState(State state, const QString &text);
    void onAnswered(const EngineAnswer &answer);
    void fillList();

    PlaygroundController *m_controller;
    int m_number;
    ColumnTargetChooser *m_chooser;
    std::unique_ptr<ColumnEngine> m_engine;
    QLabel *m_title;
    QLabel *m_stateLabel;
    QLabel *m_note;
    MessageBanner *m_banner;
    QPlainTextEdit *m_stream;
    QTreeWidget *m_list;
    QToolButton *m_details;
    QToolButton *m_remove;
    State m_state = State::Idle;
    std::optional<PlaygroundQuery> m_query;
    std::optional<EngineAnswer> m_answer;
    std::vector<RecommendedItem> m_items;
    QSet<std::uint32_t> m_shared;
    QString m_streamed;
    int m_deltas = 0;
    int m_deltasBeforeAnswer = 0;
};

} // namespace cinetune::ui
