#pragma once

#include "core/providers/providerprofile.h"

#include <QDialog>
#include <QPointer>

#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QStringListModel;

namespace cinetune {
class ModelsCall;
class ProviderClient;
} // namespace cinetune

namespace cinetune::ui {

class ProviderService;

// Settings ▸ Providers: the list of provider profiles and an editor for one of them (name, kind,
// base URL, where the key comes from, default models, concurrency and rate limits), with the
// profile's validation messages inline and "Test Connection" (GET /models). The API key is typed
// into a password field and goes to the OS keychain only; it is never shown again or echoed.
class ProvidersDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProvidersDialog)

public:
    explicit ProvidersDialog(ProviderService *service, QWidget *parent = nullptr);
    ~ProvidersDialog() override;

    QStringList profileNames() const;
    QString validationText() const;
    QString statusText() const;
    QString testResultText() const;
    // The editor holds changes that are not saved (a new profile counts once it was edited).
    bool hasUnsavedChanges() const;

    // Close, Escape and the window's close button: asks to save, discard or keep editing when the
    // profile in the editor has unsaved changes.
    void reject() override;

public Q_SLOTS:
    void addProfile();
    // false (and the inline message) when the profile is not valid.
    bool saveProfile();
    void removeProfile();
    void testConnection();
    void selectProfile(const QString &name);

private:
    void reload(const QString &select);
    void showProfile(const ProviderProfile &p);
    ProviderProfile profileFromForm() const;
    void validateForm();
    void onKindChanged();
    void updateKeyFields();
    // Save / Discard / Cancel for the edits in the form; `then` runs after Save (if it succeeded)
    // or Discard: closing the dialog, showing another profile, adding one.
    void askToSave(const std::function<void()> &then);

    ProviderService *m_service;
    QString m_editing;                 // the saved name of the profile in the editor ("" = new)
    ProviderProfile m_shown;           // the profile as it was put into the editor (saved or new)
    bool m_closing = false;            // the user chose to close: reject() closes without asking
    bool m_revertingSelection = false; // the list goes back to the edited profile while asking
    QStringListModel *m_names;
    QListView *m_list;
    QLineEdit *m_name;
    QComboBox *m_kind;
    QLineEdit *m_baseUrl;
    QRadioButton *m_useKeychain;
    QRadioButton *m_useEnv;
    QLineEdit *m_key;
    QLineEdit *m_keyVariable;
    QLineEdit *m_model;
    QLineEdit *m_chatModel;
    QSpinBox *m_concurrency;
    QSpinBox *m_rpm;
    QSpinBox *m_tpm;
    QLabel *m_validation;
    QLabel *m_status;
    QLabel *m_testResult;
    QPushButton *m_save;
    QPushButton *m_remove;
    QPushButton *m_test;
    std::unique_ptr<ProviderClient> m_testClient;
    QPointer<ModelsCall> m_testCall;
};

} // namespace cinetune::ui
