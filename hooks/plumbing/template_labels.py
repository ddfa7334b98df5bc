# plumbing · on_env
"""Give the theme's templates (overrides/partials/) the interface words of data/labels.yaml.

The templates under overrides/edition/ get them from hooks/text/markers.py; Material's
partials that we override read them as `edition_labels.NAME`, in the language being built.
"""

from edition import datafiles


def on_env(env, config, files):
    lang = config.plugins["i18n"].current_language
    env.globals["edition_labels"] = {key: text[lang] for key, text in datafiles.load("labels").items()}
    return env
