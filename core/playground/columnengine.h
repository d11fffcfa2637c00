#pragma once

#include "core/playground/playgroundtypes.h"

#include <QObject>

namespace cinetune {

// One column's source of recommendations (an LLM through a provider profile, later a local
// baseline). request() starts a new answer and implicitly cancels the previous one; an engine emits
// started(), any number of delta() pieces (streamed text), then answered() exactly once per request
// that was not cancelled.
class ColumnEngine : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ColumnEngine)

public:
    using QObject::QObject;

    virtual void request(const PlaygroundQuery &query) = 0;
    virtual void cancel() = 0;
    virtual bool isBusy() const = 0;
    // Short description for column headings and exports ("sim · gpt-4o-mini · zero-shot").
    virtual QString label() const = 0;

Q_SIGNALS:
    void started();
    void delta(const QString &text);
    void answered(const cinetune::EngineAnswer &answer);
    // The previous request was dropped (by request() or cancel()) before it answered.
    void cancelled();
};

} // namespace cinetune
