#pragma once

#include "core/eval/runspec.h"

#include <QString>

namespace cinetune {

// A run's short label: what tables, chart legends and exports show (the full identity stays in
// tooltips and metadata). Users rename runs; this is the automatic default for a new run (and for
// runs of projects made before labels existed):
//   fine-tuned model "ft:gpt-4o-mini-2024-07-18:org:sim3:abc"  → "FT sim3" (its suffix)
//   its checkpoint  "…:sim3:abc:ckpt-step-40"                  → "FT sim3 step 40"
//   base model + strategy "gpt-4o-mini-2024-07-18", zero-shot  → "GPT-4o-mini zero-shot"
//   baseline "itemknn"                                         → "ItemKNN"
// A fine-tuned model asked with another strategy than "fine-tuned" gets it appended ("FT sim3 few-shot").
QString defaultRunLabel(const RunSpec &spec);

// The model id shortened for people: the part after the last '/', without a trailing release date
// ("-2024-07-18"), "gpt" written "GPT". "meta-llama/Llama-3-8b" → "Llama-3-8b".
QString shortModelName(const QString &model);

// The longest a label may be (characters).
inline constexpr int kMaxRunLabelLength = 60;

// One line with everything that identifies the run: gold set, split, provider, model (or baseline),
// strategy and seed: "gold set profileData50 · test · provider sim · model ft:… · strategy
// fine-tuned · seed 1". For tooltips and export metadata.
QString runIdentity(const QString &runName, const RunSpec &spec);

} // namespace cinetune
