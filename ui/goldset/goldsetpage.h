#pragma once

#include "core/common/result.h"
#include "core/goldset/goldset.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;

namespace cinetune::ui {

class ChartView;
class GoldSetController;
class GoldSetSummaryView;
class GoldSetTableModel;
class GoldSetUserModel;
class GoldSetWizard;
class MessageBanner;

// Step 2: the project's gold sets — a list (name, protocol, users, splits, created, whether the
// loaded dataset is the one it was built from), New… (the wizard), Rename, Delete, Export JSONL,
// Export fine-tuning JSONL and Compare; a detail pane with the spec, the summary with its
// gold-size chart, a searchable user table and the comparison. Work happens in GoldSetController.
class GoldSetPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GoldSetPage)

public:
    enum Tab {
        SummaryTab,
        UsersTab,
        CompareTab
    };

    explicit GoldSetPage(GoldSetController *controller, QWidget *parent = nullptr);

    GoldSetTableModel *goldSetModel() const { return m_sets; }
    GoldSetUserModel *userModel() const { return m_users; }
    GoldSetSummaryView *summaryView() const { return m_summary; }
    MessageBanner *banner() const { return m_banner; }
    QTableView *goldSetTable() const { return m_table; }
    GoldSetWizard *wizard() const { return m_wizard; }
    qint64 currentId() const { return m_currentId; }
    QString comparisonText() const;
    QString storageNote() const;

public Q_SLOTS:
    // Opens the wizard (window-modal, no nested event loop).
    void newGoldSet();
    void selectGoldSet(qint64 id);
    // Selects exactly these two (for Compare).
    void selectGoldSets(qint64 first, qint64 second);
    bool renameGoldSet(qint64 id, const QString &name);
    bool deleteGoldSet(qint64 id); // no confirmation; the Delete button asks first
    bool exportJsonl(qint64 id, const QString &path);
    void exportFineTuneData(qint64 id, const QString &folder);
    bool compare(qint64 first, qint64 second);
    void setUserFilter(const QString &text);
    void setSplitFilter(std::optional<cinetune::GoldSetSplit> split);
    void showTab(int tab);

Q_SIGNALS:
    void datasetRequested();
    void saveProjectRequested();
    void fineTuneDataExported(const QString &folder);

private:
    QWidget *buildUsersTab();
    QWidget *buildCompareTab();
    void refresh();
    void showDetails();
    void updateActions();
    void updateStorageNote();
    QList<qint64> selectedIds() const;
    void showError(const QString &headline, const QString &details);
    void askRename();
    void askDelete();
    void askExportJsonl();
    void askExportFineTune();
    void compareSelected();

    GoldSetController *m_controller;
    GoldSetTableModel *m_sets;
    GoldSetUserModel *m_users;
    qint64 m_currentId = 0;
    GoldSetWizard *m_wizard = nullptr;
    int m_exportTicket = 0; // the fine-tuning export this page waits for

    QLabel *m_storage;
    QPushButton *m_saveProject;
    QWidget *m_noDataset;
    MessageBanner *m_banner;
    QTableView *m_table;
    QLabel *m_emptyText;
    QPushButton *m_new;
    QPushButton *m_rename;
    QPushButton *m_delete;
    QPushButton *m_exportJsonl;
    QPushButton *m_exportFineTune;
    QPushButton *m_compare;
    QTabWidget *m_tabs;
    GoldSetSummaryView *m_summary;
    QLineEdit *m_userSearch;
    QComboBox *m_splitFilter;
    QLabel *m_userCount;
    QTableView *m_userTable;
    QLabel *m_comparison;
    ChartView *m_comparisonChart;
};

} // namespace cinetune::ui
