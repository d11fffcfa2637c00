#pragma once
// Does a window fit a laptop screen? The checks behind the GUI fit test (tests/ui/tst_laptopfit)
// and the screenshot driver's check mode (CINETUNE_LAYOUT_CHECK=1): each returns what is wrong,
// in words a developer can act on, and an empty list when all is well.

#include "ui/common/primaryaction.h"

#include <QSize>
#include <QStringList>

class QWidget;

namespace cinetune::ui {

// Everything below, for one window (a main window or a dialog) shown on a screen of `screen`.
QStringList layoutProblems(const QWidget *window, QSize screen);

// The window's minimum size, or its current size, exceeds the screen (a layout forced it wider).
QStringList sizeProblems(const QWidget *window, QSize screen);
// A primary action (ui/common/primaryaction.h) that is visible to the window but not entirely on screen (clipped by a scroll
// area, a splitter or the window's edge).
QStringList primaryActionProblems(const QWidget *window);
// A table or tree column on screen whose header or first rows' text is elided to nothing ("…" or
// less) at its current width.
QStringList columnProblems(const QWidget *window);

} // namespace cinetune::ui
