import { create } from 'zustand';
import { emptyClassroom, type ClassroomState, type ChatStatus } from './classroom';

/** A chat message this console sent, with what moderation said about it. */
export interface OutgoingChat {
  id: string;
  text: string;
  status: ChatStatus;
  /** Why it was replaced or rejected, or why it could not be sent. */
  reason: string;
}

export interface ClassroomStore extends ClassroomState {
  classId: string | null;
  outgoing: OutgoingChat[];
  /** Set when the teacher removed this participant: the class screen says why and leaves. */
  removedReason: string | null;
  /** A teacher asked this participant to mute (true) or unmute (false); null when nothing was asked. */
  muteRequested: boolean | null;
}

export const initialClassroom = (classId: string | null = null): ClassroomStore => ({
  ...emptyClassroom(),
  classId,
  outgoing: [],
  removedReason: null,
  muteRequested: null,
});

/** The open class's roster, course, room and chat. One class is open at a time. */
export const useClassroom = create<ClassroomStore>(() => initialClassroom());
