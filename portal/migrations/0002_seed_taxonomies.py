from django.db import migrations


def seed(apps, schema_editor):
    from portal.taxonomy_seed import seed_taxonomies

    seed_taxonomies(lambda name: apps.get_model("portal", name))


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
