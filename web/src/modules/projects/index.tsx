import { ProjectOutlined } from '@ant-design/icons';
import type { WebModule } from '../types';
import { RequirePermission } from '../../components/RequirePermission';
import { ProjectsPage } from './ProjectsPage';
import { ProjectPage } from './ProjectPage';
import { ProjectsScreenCard } from './ProjectsScreenCard';

/** 重点项目: key projects with their plan 一项一策 and approvals with documents to follow. */
export const projectsModule: WebModule = {
  name: 'projects',
  routes: [
    { path: 'projects', element: <RequirePermission permission="projects.read">{<ProjectsPage />}</RequirePermission> },
    { path: 'projects/:id', element: <RequirePermission permission="projects.read">{<ProjectPage />}</RequirePermission> },
  ],
  menu: [
    {
      path: 'projects',
      labelKey: 'projects:menu.projects',
      icon: <ProjectOutlined />,
      permission: 'projects.read',
      group: 'resumption',
    },
  ],
  screenCards: [ProjectsScreenCard],
};
