#include "core/project/projectprompt.h"

#include "core/project/projectfile.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace cinetune {

Result<std::optional<PromptTemplate>> storedPromptTemplate(const ProjectFile &project)
{
    const QString stored = project.state(QLatin1String(kPromptTemplateState));
    if (stored.isEmpty())
        return std::optional<PromptTemplate>{};
    Result<PromptTemplate> t = PromptTemplate::fromJson(QJsonDocument::fromJson(stored.toUtf8()).object(),
                                                        ProjectFile::tr("the project's prompt template"));
    if (!t)
        return t.error();
    return std::optional<PromptTemplate>(std::move(t).value());
}

Result<PromptTemplate> projectPromptTemplate(const ProjectFile &project)
{
    auto stored = storedPromptTemplate(project);
    if (!stored)
        return stored.error();
    return stored->value_or(PromptTemplate::paperDefault());
}

Status setProjectPromptTemplate(ProjectFile &project, const PromptTemplate &prompt)
{
    if (Status s = prompt.validate(); !s)
        return s;
    return project.setState(QLatin1String(kPromptTemplateState),
                            QString::fromUtf8(QJsonDocument(prompt.toJson()).toJson(QJsonDocument::Compact)));
}

} // namespace cinetune
