import { useState } from 'react';
import { ActionIcon, Button, Group, Menu, Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPencil, IconTrash } from '@tabler/icons-react';
import { goalStatuses, type Goal, type GoalStatus } from '../../../../shared/clients';
import { localIsoDate } from '../../../../shared/dates';
import { call, errorMessage } from '../../api';
import { GOAL_STATUS_LABELS } from '../format';
import { useClientMutation } from '../queries';

const failed = (title: string) => (error: unknown) => notifications.show({ color: 'red', title, message: errorMessage(error) });

/** Status changes (dated today), edit, and delete for a goal no note refers to yet. */
export function GoalMenu({ goal, onEdit }: { goal: Goal; onEdit: () => void }) {
  const [confirmDelete, setConfirmDelete] = useState(false);
  const changeStatus = useClientMutation((status: GoalStatus) => call('changeGoalStatus', { goalId: goal.id, status, date: localIsoDate() }));
  const remove = useClientMutation(() => call('deleteGoal', { goalId: goal.id }));

  const mark = (status: GoalStatus) =>
    changeStatus.mutate(status, {
      onSuccess: () => notifications.show({ color: 'teal', message: `Goal marked ${GOAL_STATUS_LABELS[status].toLowerCase()}` }),
      onError: failed('The goal was not changed'),
    });
  const deleteGoal = () =>
    remove.mutate(undefined, {
      onSuccess: () => notifications.show({ color: 'teal', message: 'Goal deleted' }),
      onError: failed('The goal was not deleted'),
      onSettled: () => setConfirmDelete(false),
    });

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={`Goal actions: ${goal.text}`} loading={changeStatus.isPending}>
            <IconDots size={18} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {goalStatuses
            .filter((status) => status !== goal.status)
            .map((status) => (
              <Menu.Item key={status} onClick={() => mark(status)}>
                Mark {GOAL_STATUS_LABELS[status].toLowerCase()}
              </Menu.Item>
            ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconPencil size={14} aria-hidden />} onClick={onEdit}>
            Edit goal
          </Menu.Item>
          {goal.deletable && (
            <Menu.Item color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => setConfirmDelete(true)}>
              Delete goal
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <Modal opened={confirmDelete} onClose={() => setConfirmDelete(false)} title="Delete this goal?" centered>
        <Text size="sm" mb="lg">
          Deleting is for a goal added by mistake; it leaves no history. To end a goal the client worked on, mark it
          achieved, revised or discontinued instead.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirmDelete(false)} data-autofocus>
            Keep goal
          </Button>
          <Button color="red" loading={remove.isPending} onClick={deleteGoal}>
            Delete goal
          </Button>
        </Group>
      </Modal>
    </>
  );
}
