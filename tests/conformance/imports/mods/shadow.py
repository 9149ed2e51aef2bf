where = 'mods'
