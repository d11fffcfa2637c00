#pragma once

#include <QWizardPage>

class QLabel;
class QPlainTextEdit;
class QTimer;

namespace cinetune::ui {

class GoldSetWizard;

// The wizard's prompt template page: the system, user and assistant texts with their
// placeholders, PromptTemplate::validate()'s message (naming the field) with Next disabled while
// it is invalid, "Reset to the paper's template", and a live preview: a real user of the loaded
// dataset under the wizard's spec (worked out in the background) rendered through the template
// exactly as the fine-tuning JSONL will hold it. Typing re-renders after a short pause.
class GoldSetTemplatePage final : public QWizardPage
{
    Q_OBJECT

public:
    explicit GoldSetTemplatePage(GoldSetWizard *wizard);
    void initializePage() override;
    bool isComplete() const override;
    // The template's problem shown on the page (empty when valid).
    QString message() const;
    // The preview as shown (the rendered messages).
    QString previewText() const;

private:
    void loadTemplate();
    void onEdited();
    void applyEdits();
    void showPreview();

    GoldSetWizard *m_wizard;
    QPlainTextEdit *m_system;
    QPlainTextEdit *m_user;
    QPlainTextEdit *m_assistant;
    QLabel *m_message;
    QLabel *m_previewStatus;
    QPlainTextEdit *m_preview;
    QPlainTextEdit *m_json;
    QTimer *m_debounce;
    bool m_loading = false;
};

} // namespace cinetune::ui
