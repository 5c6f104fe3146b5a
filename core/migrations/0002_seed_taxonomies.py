from django.db import migrations


def seed(apps, schema_editor):
    from core.taxonomy_seed import seed_taxonomies

    seed_taxonomies(lambda name: apps.get_model("core", name))


class Migration(migrations.Migration):
    replaces = [('portal', '0002_seed_taxonomies')]
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
