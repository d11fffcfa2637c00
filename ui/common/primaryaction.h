#pragma once
// A page's primary action: the button a user came to the page to press. It must be visible without
// scrolling at 1024×700 — the laptop check (ui/shell/layoutcheck.h, tests/ui/tst_laptopfit)
// fails otherwise. Buttons of a visible QDialogButtonBox count as primary without being marked.

#include <QWidget>

namespace cinetune::ui {

inline constexpr const char *kPrimaryActionProperty = "cinetunePrimaryAction";

inline void markPrimaryAction(QWidget *button)
{
    button->setProperty(kPrimaryActionProperty, true);
}

} // namespace cinetune::ui
