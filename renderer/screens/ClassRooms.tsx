import { useEffect } from 'react';
import { groupOfStudent } from '../../shared/protocol';
import { followClass, useBreakouts } from '../class/breakouts/breakoutStore';
import type { SessionUser } from '../session/ports';
import { ClassScreen } from './ClassScreen';

interface ClassRoomsProps {
  classId: string;
  observer: boolean;
  user: SessionUser;
}

/**
 * The room of a class a person is in: the class itself, or one of its breakout groups. A student placed in a group
 * of the running round is in that group until everyone is brought back; a teacher or supervisor is where they chose
 * to visit. Each room is a class screen of its own (a group is a class, `<classId>~<key>`), so moving between rooms
 * leaves one and joins the other.
 */
export function ClassRooms({ classId, observer, user }: ClassRoomsProps) {
  useEffect(() => {
    followClass(classId);
    return () => followClass(null);
  }, [classId]);
  const ours = useBreakouts((s) => s.classId === classId);
  const round = useBreakouts((s) => s.round);
  const visiting = useBreakouts((s) => s.visiting);
  const student = user.role === 'student' && !observer;
  const group = !ours ? null : student ? groupOfStudent(round ?? undefined, user.id) : (round?.groups.find((g) => g.classId === visiting) ?? null);
  const room = group?.classId ?? classId;
  return <ClassScreen key={room} classId={room} homeClassId={classId} groupName={group?.name ?? null} observer={observer} user={user} />;
}
