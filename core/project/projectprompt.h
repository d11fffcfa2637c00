#pragma once

#include "core/common/result.h"
#include "core/finetune/prompttemplate.h"

#include <optional>

namespace cinetune {

class ProjectFile;

// The project's prompt template (edited in the gold-set wizard, stored as a ui_state row holding
// PromptTemplate::toJson()). The fine-tuning data, evaluation runs and the playground all prompt
// with it, so a model is evaluated with the prompt it was trained on.
inline constexpr const char *kPromptTemplateState = "goldset/prompt_template";

// The stored template, or nullopt when the project has none (the paper's applies). A stored one
// that does not parse is an error naming the project's template.
[[nodiscard]] Result<std::optional<PromptTemplate>> storedPromptTemplate(const ProjectFile &project);
// storedPromptTemplate, falling back to PromptTemplate::paperDefault().
[[nodiscard]] Result<PromptTemplate> projectPromptTemplate(const ProjectFile &project);
// Validates and stores.
[[nodiscard]] Status setProjectPromptTemplate(ProjectFile &project, const PromptTemplate &prompt);

} // namespace cinetune
