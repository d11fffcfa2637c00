#pragma once

#include "core/common/result.h"
#include "ui/dataset/loadeddataset.h"

#include <QHash>
#include <QWidget>

#include <functional>
#include <memory>
#include <vector>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QStackedWidget;
class QStringListModel;
class QTabWidget;
class QTableView;
class QTimer;

namespace cinetune::ui {

class DatasetCharts;
class DatasetController;
class MessageBanner;
class MovieFilterProxyModel;
class MovieTableModel;
class TableSortProxyModel;
class UserRatingsModel;

// Step 1: open a ratings dataset and inspect it — figures, loading notes, four charts, a searchable
// movie table and a per-user lookup. Loading happens in DatasetController (in the background);
// this page only asks for it and shows the result.
class DatasetPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatasetPage)

public:
    enum Tab {
        OverviewTab,
        MoviesTab,
        UsersTab
    };

    explicit DatasetPage(DatasetController *datasets, QWidget *parent = nullptr);

    MovieTableModel *movieModel() const { return m_movies; }
    MovieFilterProxyModel *movieProxy() const { return m_movieProxy; }
    UserRatingsModel *userRatingsModel() const { return m_userRatings; }
    DatasetCharts *charts() const { return m_charts; }
    MessageBanner *messageBanner() const { return m_banner; }
    // The text of a figure on the overview ("ratings", "users", "movies", "ratedMovies", "density",
    // "dateRange", "format", "scale").
    QString figure(const QString &key) const;

public Q_SLOTS:
    void openDataset(const QString &path); // file, folder or cinetune::kSamplePath
    void openSample();
    void chooseFile();
    void chooseFolder();
    void setMovieFilter(const QString &query);
    // Shows the ratings of the user with this source id; false (and a note) if there is none.
    bool showUser(quint32 sourceUserId);
    void showTab(int tab);

Q_SIGNALS:
    // The page now shows the controller's current dataset everywhere (figures, charts, tables).
    void datasetShown();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QWidget *buildEmptyState();
    QWidget *buildOverview();
    QWidget *buildMoviesTab();
    QWidget *buildUsersTab();
    QWidget *figureCard(const QString &key, const QString &caption);

    void onDatasetChanged();
    void onLoadStarted(const QString &path);
    void onLoadingChanged(bool loading);
    void onLoadFailed(const QString &path, const cinetune::Error &error);
    void applyMovieFilter();
    void lookupUserFromField();
    void updateMovieCount();
    void setFigure(const QString &key, const QString &text);
    void updateSourceLine();
    void runSteps(quint64 generation, std::shared_ptr<std::vector<std::function<void()>>> steps, std::size_t next);

    DatasetController *m_datasets;
    LoadedDatasetPtr m_shown;
    quint64 m_updateGeneration = 0;

    QLabel *m_source; // what is shown, and what is loading
    QString m_sourceText;
    QString m_loadingText;
    MessageBanner *m_banner;
    QStackedWidget *m_stack;
    QLabel *m_emptyText;
    QTabWidget *m_tabs;
    QHash<QString, QLabel *> m_figures;
    QListView *m_warningsView;
    QWidget *m_warningsBox;
    QStringListModel *m_warnings;
    DatasetCharts *m_charts;

    MovieTableModel *m_movies;
    MovieFilterProxyModel *m_movieProxy;
    QLineEdit *m_movieFilter;
    QLabel *m_movieCount;
    QTableView *m_movieView;
    QTimer *m_filterDelay;

    UserRatingsModel *m_userRatings;
    TableSortProxyModel *m_userProxy;
    QLineEdit *m_userId;
    QLabel *m_userHint;
    QLabel *m_userSummary;
    QTableView *m_userView;
};

} // namespace cinetune::ui
