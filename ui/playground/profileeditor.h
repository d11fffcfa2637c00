#pragma once

#include "ui/common/elidingcombobox.h"

#include <QWidget>

#include <cstdint>
#include <vector>

class QComboBox;
class QCompleter;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStandardItemModel;

namespace cinetune::ui {

class PlaygroundController;

// The profile being tried: a search box with instant completion over the catalogue, the chosen
// movies (drag and drop or Ctrl+Up/Down to reorder, Delete to remove), a dataset user's or a random
// user's profile, a gold-set user (with gold) from a project gold set's test split or a JSONL file,
// and saved profiles.
class ProfileEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileEditor)

public:
    explicit ProfileEditor(PlaygroundController *controller, QWidget *parent = nullptr);

    QLineEdit *searchEdit() const { return m_search; }
    QCompleter *completer() const { return m_completer; }
    QListWidget *profileList() const { return m_list; }
    QLineEdit *userEdit() const { return m_user; }
    QLabel *messageLabel() const { return m_message; }
    QComboBox *goldSetCombo() const { return m_goldSet; }
    QComboBox *goldUserCombo() const { return m_goldUser; }
    // The completion's movie indices for the current search text (tests, benchmark).
    std::vector<std::uint32_t> completions() const { return m_completions; }

public Q_SLOTS:
    void focusSearch();
    void loadUser();
    void loadRandomUser();
    void loadGoldSetUser();
    // The user chosen in the project gold set's test split.
    void loadProjectGoldSetUser();
    void saveProfile();
    void loadSavedProfile();
    void removeSelected();
    void moveSelected(int delta);
    // Enter in the search: the highlighted completion, or the best match when none is.
    void addHighlightedCompletion();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateCompletions(const QString &text);
    void addMovie(std::uint32_t movie);
    void rebuildList();
    void rebuildSaved();
    void rebuildGoldSets();
    void rebuildGoldUsers();
    void showMessage(const QString &text, bool error);

    PlaygroundController *m_controller;
    QLineEdit *m_search;
    QCompleter *m_completer;
    QStandardItemModel *m_completionModel;
    std::vector<std::uint32_t> m_completions;
    QListWidget *m_list;
    QLabel *m_count;
    QLabel *m_who;
    QLineEdit *m_user;
    ElidingComboBox *m_saved;
    QLineEdit *m_saveName;
    QLabel *m_message;
    ElidingComboBox *m_goldSet;
    ElidingComboBox *m_goldUser;
    QPushButton *m_loadGoldUser;
    quint64 m_randomDraws = 0;
};

} // namespace cinetune::ui
