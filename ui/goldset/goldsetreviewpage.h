#pragma once

#include "core/goldset/goldsetspec.h"

#include <QWizardPage>

class QLabel;

namespace cinetune::ui {

class GoldSetWizard;

// The spec in words, for the review page and anywhere a gold set's rule is explained.
QString describeGoldSetSpec(const GoldSetSpec &spec);

// The wizard's review page, before the build: the spec in words, the expected counts (eligible and
// sampled users, split sizes), an estimate of tokens and training cost worked out from the
// template page's example (its exact token count × the expected training examples × the
// notebook's default epochs), and warnings (the validator's findings on the example, a small
// training split, OpenAI's fine-tuning wind-down).
class GoldSetReviewPage final : public QWizardPage
{
    Q_OBJECT

public:
    explicit GoldSetReviewPage(GoldSetWizard *wizard);
    void initializePage() override;

    // The notebook's token count of the previewed example (0 while there is none).
    qint64 exampleTokens() const { return m_exampleTokens; }

private:
    void refresh();

    GoldSetWizard *m_wizard;
    QLabel *m_spec;
    QLabel *m_counts;
    QLabel *m_tokens;
    QLabel *m_estimate;
    QLabel *m_warnings;
    qint64 m_exampleTokens = 0;
};

} // namespace cinetune::ui
