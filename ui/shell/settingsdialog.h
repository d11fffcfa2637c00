#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace cinetune::ui {

class DatasetController;

// Preferences: interface language (switched at once by the window), loader threads, the dataset
// cache (where it is, how big, and a button to clear it) and a way to the provider profiles.
// Accepting writes AppSettings.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    explicit SettingsDialog(DatasetController *datasets, QWidget *parent = nullptr);

    void accept() override;

Q_SIGNALS:
    // "Providers…": the host opens the provider profiles.
    void providersRequested();
    // Accepted with another language than before ("" = the system's).
    void languageChanged(const QString &language);

private:
    void refreshCacheSize();
    void onCacheCleared(bool ok, const QString &message);

    DatasetController *m_datasets;
    QComboBox *m_language;
    QLabel *m_languageNote;
    QSpinBox *m_threads;
    QLabel *m_cacheDir;
    QLabel *m_cacheStatus;
    QPushButton *m_clearCache;
};

} // namespace cinetune::ui
