import { Badge, Button, Group, Paper, Text } from '@mantine/core';
import { IconCopy, IconPencil } from '@tabler/icons-react';
import type { NoteTemplate } from '../../../../shared/note-templates';
import { kindLabel } from './template-draft';

interface TemplateCardProps {
  template: NoteTemplate;
  onCopy: () => void;
  onEdit: () => void;
}

/** One template: its name, whether it is built in, its version and its sections in order. */
export function TemplateCard({ template, onCopy, onEdit }: TemplateCardProps) {
  return (
    <Paper component="article" withBorder radius="md" p="sm" aria-label={`Template: ${template.name}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Group gap={8}>
            <Text fw={600} dir="auto">
              {template.name}
            </Text>
            {template.builtIn && (
              <Badge variant="light" color="gray" radius="sm">
                Built-in
              </Badge>
            )}
            <Text size="sm" c="dimmed">
              Version {template.version}
            </Text>
          </Group>
          <Text size="sm" c="dimmed" mt={4}>
            {template.sections.map((section, index) => (
              <span key={section.key}>
                {index > 0 && ' · '}
                <bdi>{section.label}</bdi>
                {section.kind !== 'richText' && section.kind.toLowerCase() !== section.label.trim().toLowerCase() && ` (${kindLabel(section.kind)})`}
              </span>
            ))}
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap">
          {!template.builtIn && (
            <Button variant="default" size="xs" leftSection={<IconPencil size={14} aria-hidden />} onClick={onEdit}>
              Edit
            </Button>
          )}
          <Button variant="default" size="xs" leftSection={<IconCopy size={14} aria-hidden />} onClick={onCopy}>
            Copy
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
