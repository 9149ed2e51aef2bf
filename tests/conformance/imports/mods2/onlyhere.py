value = 'from mods2'
