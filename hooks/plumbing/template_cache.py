# plumbing · on_env
"""Compile each theme template (Material's and overrides/) once, not once per language
and build: the theme's Jinja environment, made anew for every language's build, gets the
compiled-template cache of edition/templates.py (Jinja's FileSystemBytecodeCache below the
edition's cache folder, checked against each template's source)."""

from mkdocs.plugins import event_priority

from edition import templates


@event_priority(100)  # first: before any hook renders a template of this environment
def on_env(env, config, files):
    env.bytecode_cache = templates.bytecode_cache(env)
    return env
