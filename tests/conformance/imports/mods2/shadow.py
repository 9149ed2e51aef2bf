where = 'mods2'
